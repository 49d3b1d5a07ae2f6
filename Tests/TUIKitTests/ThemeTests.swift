import Foundation
import TUIKit
import Testing

@Suite struct ThemeTests {
  static let themesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Themes")

  func load(_ name: String) throws -> Theme {
    let url = Self.themesFolder.appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    return try Theme.parse(toml: text, fileName: "Themes/" + name)
  }

  @Test(arguments: ["dark.toml", "light.toml", "high-contrast.toml"])
  func shippedThemesLoadAndSetEveryRole(name: String) throws {
    let url = Self.themesFolder.appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    let theme = try load(name)
    #expect(theme.name + ".toml" == name)
    for role in ThemeRole.allCases {
      // Each shipped file names every role, so none silently falls back.
      #expect(text.contains("\n\(role.rawValue) = {"), "\(name) lacks role \(role.rawValue)")
    }
  }

  @Test func darkThemeValues() throws {
    let dark = try load("dark.toml")
    #expect(
      dark[.accent] == Style(foreground: .rgb(red: 0x5F, green: 0xAF, blue: 0xFF), bold: true))
    #expect(dark[.selection].background == .rgb(red: 0, green: 0x5F, blue: 0x87))
    let contrast = try load("high-contrast.toml")
    #expect(
      contrast[.selection]
        == Style(foreground: .indexed(15), background: .indexed(0), bold: true, reverse: true))
  }

  @Test func missingRolesComeFromTheFallback() throws {
    let theme = try Theme.parse(
      toml: "name = \"tiny\"\n[roles]\ntext = { fg = 250 }\n", fileName: "tiny.toml")
    #expect(theme[.text] == Style(foreground: .indexed(250)))
    #expect(theme[.error] == Theme.fallback[.error])
    #expect(Set(Theme.fallback.styles.keys) == Set(ThemeRole.allCases))
  }

  func issues(_ text: String) -> [String] {
    do {
      _ = try Theme.parse(toml: text, fileName: "bad.toml")
      return []
    } catch {
      return error.description.split(separator: "\n").map(String.init)
    }
  }

  @Test func eachValidationErrorNamesFileAndLine() {
    let text = """
      version = 1
      name = "bad"
      colour = "red"

      [roles]
      text = { fg = "#12345" }
      shadow = { fg = "red" }
      dim = { fg = 256 }
      accent = { fg = "red", attributes = ["bold", "blink"] }
      border = { fg = "red", weight = 2 }
      title = "red"
      cursor = { bg = "purple" }
      """
    #expect(
      issues(text) == [
        "bad.toml:3: unknown key \"colour\"; expected one of version, name, roles",
        "bad.toml:6: bad color \"#12345\"; use \"#rrggbb\", an index 0-255, \"default\" or a name such as \"red\" or \"bright-red\"",
        "bad.toml:7: unknown role \"shadow\"; roles are text, dim, accent, title, selection, border, status, statusAlert, label, cursor, error, warning, helpKey",
        "bad.toml:8: bad color 256; use \"#rrggbb\", an index 0-255, \"default\" or a name such as \"red\" or \"bright-red\"",
        "bad.toml:9: unknown attribute \"blink\"; attributes are bold, dim, underline, reverse",
        "bad.toml:10: unknown key \"weight\"; expected one of fg, bg, attributes",
        "bad.toml:11: \"title\" must be a table such as { fg = \"red\" }, found a string",
        "bad.toml:12: bad color \"purple\"; use \"#rrggbb\", an index 0-255, \"default\" or a name such as \"red\" or \"bright-red\"",
      ])
  }

  @Test func versionAndTypeErrorsHaveLines() {
    #expect(
      issues("\n\nversion = 2\n") == [
        "bad.toml:3: unsupported version 2; this annotty reads version 1"
      ])
    #expect(issues("name = 3\n") == ["bad.toml:1: \"name\" must be a string, found an integer"])
    #expect(
      issues("[roles]\ntext = { attributes = \"bold\" }\n") == [
        "bad.toml:2: \"attributes\" must be an array of strings, found a string"
      ])
  }

  @Test func syntaxErrorsHaveALineAndNeverCrash() {
    let broken = issues("name = \"x\"\n[roles\ntext = {")
    #expect(broken.count == 1)
    #expect(broken[0].hasPrefix("bad.toml:2:"))
    // Inputs that make toml++ assert are caught by the line scanner first.
    #expect(issues("[#]\n").first?.hasPrefix("bad.toml:1:") == true)
    #expect(issues("a = [}]\n").first?.hasPrefix("bad.toml:1:") == true)
  }

  @Test func colorNamesAndHex() {
    #expect(TerminalColor(name: "bright-red") == .indexed(9))
    #expect(TerminalColor(name: "Black") == .indexed(0))
    #expect(TerminalColor(name: "#FF8000") == .rgb(red: 255, green: 128, blue: 0))
    #expect(TerminalColor(name: "#ff80") == nil)
    #expect(TerminalColor(name: "#gg0000") == nil)
    #expect(TerminalColor(name: "default") == .default)
  }
}
