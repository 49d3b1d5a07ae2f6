import Foundation
import Testing

@testable import TUIKit

@Suite struct KeybindingsDocumentTests {
  @Test func committedDocumentMatchesTheKeymap() throws {
    let keymap = try ShippedKeymaps.load("radiology")
    let generated = KeybindingsDocument.markdown(keymap, catalog: .annotty)
    let url = ShippedKeymaps.packageRoot.appendingPathComponent("docs/keybindings.md")
    if ProcessInfo.processInfo.environment["ANNOTTY_UPDATE_KEYBINDINGS_DOC"] == "1" {
      try generated.write(to: url, atomically: true, encoding: .utf8)
    }
    let committed = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    #expect(
      committed == generated,
      """
      docs/keybindings.md is out of date with Keymaps/radiology.toml or the command catalog. \
      Regenerate it with `\(KeybindingsDocument.regenerateCommand)` and commit the result.
      """)
  }

  @Test func documentListsEveryModeAndGroupsAliases() throws {
    let markdown = KeybindingsDocument.markdown(
      try ShippedKeymaps.load("radiology"), catalog: .annotty)
    for mode in [
      "normal", "window", "pan", "box", "polygon", "edit", "classify", "rapid", "command", "help",
    ] {
      #expect(markdown.contains("\n## \(mode)\n"), "\(mode)")
    }
    #expect(markdown.contains("| `<Down>` `j` `<Right>` | `slice.next` | Next slice |"))
    #expect(markdown.contains("| `w3` | `window.preset 3` | Window preset 3 |"))
    #expect(markdown.contains("| `<lt>` | `task.previous` |"))
  }

  @Test func pipesAndBackticksStayInsideTheirCells() throws {
    let keymap = try Keymap.load(
      KeymapSource(
        name: "t", fileName: "t.toml", text: "[normal]\n\"|\" = \"quit\"\n\"`\" = \"undo\"\n"),
      catalog: .annotty)
    let markdown = KeybindingsDocument.markdown(keymap, catalog: .annotty)
    #expect(markdown.contains("| `\\|` | `quit` |"))
    #expect(markdown.contains("| `` ` `` | `undo` |"))
  }
}
