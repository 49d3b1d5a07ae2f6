import Testing

@testable import TUIKit

@Suite struct KeySequenceMatcherTests {
  private func feed(
    _ matcher: inout KeySequenceMatcher, _ notation: String, mode: String = "normal"
  )
    throws -> [KeySequenceMatcher.Match]
  {
    try KeyNotation.parse(notation).map { matcher.feed($0, mode: mode) }
  }

  @Test func multiKeySequencesWaitThenMatch() throws {
    var matcher = KeySequenceMatcher(keymap: try ShippedKeymaps.load("radiology"))
    let preset = BoundCommand(name: "window.preset", arguments: ["1"])
    let next = BoundCommand(name: "slice.next")
    #expect(
      try feed(&matcher, "jj w1 <Right>") == [
        .matched(next), .matched(next), .pending, .matched(preset), .matched(next),
      ])
    #expect(matcher.pendingKeys.isEmpty)
  }

  @Test func unboundKeysAndBrokenSequencesClearTheBuffer() throws {
    var matcher = KeySequenceMatcher(keymap: try ShippedKeymaps.load("radiology"))
    let w = KeyEvent.character("w")
    let z = KeyEvent.character("z")
    #expect(try feed(&matcher, "wz") == [.pending, .unbound([w, z])])
    #expect(try feed(&matcher, "z") == [.unbound([z])])
    #expect(try feed(&matcher, "j") == [.matched(BoundCommand(name: "slice.next"))])
  }

  @Test func modesHaveTheirOwnBindings() throws {
    var matcher = KeySequenceMatcher(keymap: try ShippedKeymaps.load("radiology"))
    #expect(
      try feed(&matcher, "<Right>", mode: "box") == [.matched(BoundCommand(name: "cursor.right"))])
    // A sequence begun in one mode does not continue in another.
    #expect(try feed(&matcher, "w") == [.pending])
    #expect(
      try feed(&matcher, "1", mode: "classify") == [
        .matched(BoundCommand(name: "label.assign", arguments: ["1"]))
      ])
    #expect(try feed(&matcher, "q", mode: "nonexistent") == [.unbound([.character("q")])])
  }

  @Test func resetDropsPendingKeys() throws {
    var matcher = KeySequenceMatcher(keymap: try ShippedKeymaps.load("vim"))
    #expect(try feed(&matcher, "g") == [.pending])
    matcher.reset()
    #expect(try feed(&matcher, "g") == [.pending])
    #expect(try feed(&matcher, "g") == [.matched(BoundCommand(name: "slice.first"))])
  }

  @Test func parserOutputDrivesTheMatcher() throws {
    var parser = TerminalInputParser()
    var matcher = KeySequenceMatcher(keymap: try ShippedKeymaps.load("radiology"))
    var commands: [String] = []
    for event in parser.feed(Array("w3\u{1B}[1;2C\u{0C}".utf8)) {
      guard case .key(let key) = event else { continue }
      if case .matched(let command) = matcher.feed(key, mode: "normal") {
        commands.append(command.description)
      }
    }
    #expect(commands == ["window.preset 3", "screen.redraw"])
  }
}
