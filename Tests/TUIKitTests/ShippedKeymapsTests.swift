import Testing

@testable import TUIKit

@Suite struct ShippedKeymapsTests {
  @Test(arguments: ShippedKeymaps.names)
  func loadsWithoutProblems(_ name: String) throws {
    let keymap = try ShippedKeymaps.load(name)
    #expect(keymap.name == name)
    #expect(keymap.mode(named: "normal")?.bindings.isEmpty == false)
  }

  /// The command bound to `notation` in `mode`, as `name args`.
  private func command(_ keymap: Keymap, _ mode: String, _ notation: String) throws -> String? {
    let keys = try KeyNotation.parse(notation)
    return keymap.mode(named: mode)?.bindings.first { $0.keys == keys }?.command.description
  }

  @Test func radiologyFollowsTheReferenceTable() throws {
    let keymap = try ShippedKeymaps.load("radiology")
    let expected: [(String, String, String)] = [
      ("normal", "<Down>", "slice.next"), ("normal", "k", "slice.previous"),
      ("normal", "<Right>", "slice.next"), ("normal", "J", "slice.forward10"),
      ("normal", "<Home>", "slice.first"), ("normal", "<End>", "slice.last"),
      ("normal", "<PageDown>", "series.next"), ("normal", "[", "series.previous"),
      ("normal", "c", "cine.toggle"), ("normal", "w1", "window.preset 1"),
      ("normal", "w9", "window.preset 9"), ("normal", "w0", "window.auto"),
      ("normal", "w~", "window.default"), ("normal", "W", "window.stepMode"),
      ("normal", "i", "window.invert"), ("normal", "=", "zoom.fit"),
      ("normal", "<Space>", "view.reset"), ("normal", "b", "tool.box"),
      ("normal", "p", "tool.polygon"), ("normal", "3", "label.assign 3"),
      ("normal", "<S-Tab>", "select.previous"), ("normal", "u", "undo"),
      ("normal", "?", "help.toggle"), ("normal", ":", "command.open"),
      ("normal", "<C-l>", "screen.redraw"), ("normal", "q", "quit"),
      ("box", "<S-Right>", "cursor.rightLarge"), ("box", "<Enter>", "point.place"),
      ("polygon", "<BS>", "point.removeLast"), ("polygon", "<Esc>", "cancel"),
      ("window", "<Tab>", "window.stepNext"), ("classify", "0", "label.assign 0"),
    ]
    for (mode, notation, name) in expected {
      #expect(try command(keymap, mode, notation) == name, "\(mode) \(notation)")
    }
  }

  @Test func terminalHostileKeysStayFree() throws {
    for name in ShippedKeymaps.names {
      let keymap = try ShippedKeymaps.load(name)
      let hostile = try ["<C-s>", "<C-q>", "<C-c>", "<C-\\>", "<F1>", "<F10>", "<F11>"].map {
        try KeyNotation.parse($0)
      }
      for mode in keymap.modes {
        for binding in mode.bindings {
          #expect(!hostile.contains(binding.keys), "\(name) [\(mode.name)] \(binding.keys)")
        }
      }
    }
  }

  @Test func profilesChangeWhatTheReferenceSays() throws {
    let ohif = try ShippedKeymaps.load("ohif")
    #expect(try command(ohif, "normal", "1") == "window.preset 1")
    #expect(try command(ohif, "normal", "<A-1>") == "label.assign 1")
    #expect(try command(ohif, "normal", "w1") == "window.preset 1")
    #expect(try command(ohif, "classify", "1") == "label.assign 1")
    let vim = try ShippedKeymaps.load("vim")
    #expect(try command(vim, "normal", "gg") == "slice.first")
    #expect(try command(vim, "normal", "G") == "slice.last")
    #expect(try command(vim, "box", "j") == "cursor.down")
    #expect(try command(vim, "normal", "j") == "slice.next")
  }

  @Test func catalogNamesAreUniqueAndEveryCommandIsDescribed() {
    let names = CommandCatalog.annotty.commands.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(CommandCatalog.annotty.commands.allSatisfy { !$0.summary.isEmpty })
  }
}
