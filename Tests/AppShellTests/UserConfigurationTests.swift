import AppShell
import Foundation
import TUIKit
import Testing

@Suite struct UserConfigurationTests {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("annotty-config-\(UUID().uuidString)").path

  func files() -> DataFiles {
    DataFiles(
      environment: ["ANNOTTY_DATA_DIR": SessionFixture.packageRoot, "XDG_CONFIG_HOME": folder],
      executablePath: "/nonexistent/annotty")
  }

  func write(_ text: String, to relativePath: String) throws {
    let path = "\(folder)/annotty/\(relativePath)"
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }

  @Test func yourRadiologyKeymapExtendsTheShippedOne() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try write(
      """
      extends = "radiology"
      [normal]
      "n" = "slice.next"
      """, to: "keymaps/radiology.toml")
    let configuration = try UserConfiguration(
      keymapName: "radiology", themeName: "dark", files: files())
    let normal = try #require(configuration.keymap.mode(named: "normal"))
    let next = normal.bindings.filter { $0.command.name == "slice.next" }
      .map { KeyNotation.format($0.keys) }
    #expect(next.contains("n") && next.contains("j"))
  }

  @Test func mistakesNameTheFileAndLine() throws {
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try write(
      """
      extends = "radiology"
      [normal]
      "n" = "slice.nxt"
      """, to: "keymaps/mine.toml")
    try write(
      """
      version = 1
      name = "mine"
      [roles]
      text = { fg = "#12345" }
      """, to: "themes/mine.toml")
    let keymapError = #expect(throws: ConfigurationError.self) {
      _ = try UserConfiguration(keymapName: "mine", themeName: "dark", files: files())
    }
    #expect(keymapError?.message.contains("mine.toml") == true)
    #expect(keymapError?.message.contains("3") == true)
    #expect(keymapError?.message.contains("slice.nxt") == true)
    let themeError = #expect(throws: ConfigurationError.self) {
      _ = try UserConfiguration(keymapName: "radiology", themeName: "mine", files: files())
    }
    #expect(themeError?.message.contains("mine.toml") == true)
    #expect(themeError?.message.contains("4") == true)
  }

  @Test func anUnknownNameListsWhatThereIs() {
    let error = #expect(throws: ConfigurationError.self) {
      _ = try UserConfiguration(keymapName: "emacs", themeName: "dark", files: files())
    }
    #expect(error?.message.contains("ohif, radiology, vim") == true, "\(error?.message ?? "")")
  }
}
