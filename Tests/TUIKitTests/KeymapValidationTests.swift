import Testing

@testable import TUIKit

/// Loads `text` as `test.toml`, with `parents` available to `extends`.
private func load(_ text: String, parents: [String: String] = [:]) throws(KeymapError) -> Keymap {
  try Keymap.load(
    KeymapSource(name: "test", fileName: "test.toml", text: text), catalog: .annotty,
    parent: { name in
      parents[name].map { KeymapSource(name: name, fileName: "\(name).toml", text: $0) }
    })
}

/// The issues loading `text` reports, or none.
private func issues(_ text: String, parents: [String: String] = [:]) -> [KeymapIssue] {
  do {
    _ = try load(text, parents: parents)
    return []
  } catch {
    return error.issues
  }
}

@Suite struct KeymapValidationTests {
  @Test func loadsBindingsWithArgumentsInFileOrder() throws {
    let keymap = try load(
      """
      [normal]
      "j" = "slice.next"
      "w1" = "window.preset 1"
      "<Down>" = "slice.next"

      [box]
      "<Esc>" = "cancel"
      """)
    #expect(keymap.modes.map(\.name) == ["normal", "box"])
    let normal = try #require(keymap.mode(named: "normal"))
    #expect(normal.bindings.map { KeyNotation.format($0.keys) } == ["j", "w1", "<Down>"])
    #expect(normal.bindings[1].command == BoundCommand(name: "window.preset", arguments: ["1"]))
    #expect(normal.bindings.map(\.line) == [2, 3, 4])
  }

  @Test func unknownCommandNamesItsLine() {
    let found = issues(
      """
      [normal]
      "j" = "slice.next"
      "k" = "slice.backwards"
      """)
    #expect(
      found == [
        KeymapIssue(
          fileName: "test.toml", line: 3, mode: "normal",
          problem: .unknownCommand("slice.backwards"))
      ])
    #expect(found.first?.description == "test.toml:3: [normal] unknown command 'slice.backwards'")
  }

  @Test func wrongArgumentCountNamesItsLine() {
    let found = issues(
      """
      [normal]
      "w1" = "window.preset"
      "j" = "slice.next 2"
      """)
    #expect(found.map(\.line) == [2, 3])
    #expect(
      found.first?.problem == .wrongArgumentCount(command: "window.preset", expected: 1, found: 0))
    #expect(
      found.last?.problem == .wrongArgumentCount(command: "slice.next", expected: 0, found: 1))
  }

  @Test func badKeyNotationNamesItsLine() {
    let found = issues(
      """
      # comment
      [normal]
      "j" = "slice.next"
      "<Rihgt>" = "slice.next"
      """)
    #expect(found.count == 1)
    #expect(found.first?.line == 4)
    guard case .badKeyNotation(let error)? = found.first?.problem else {
      Issue.record("expected a notation error, got \(found)")
      return
    }
    #expect(error.message.contains("<Rihgt>"))
  }

  @Test func sameKeyWrittenTwiceNamesBothLines() {
    let found = issues(
      """
      [normal]
      "<C-l>" = "screen.redraw"
      "j" = "slice.next"
      "<C-L>" = "quit"
      """)
    #expect(
      found == [
        KeymapIssue(
          fileName: "test.toml", line: 4, mode: "normal",
          problem: .duplicateKeys(keys: "<C-l>", firstLine: 2))
      ])
  }

  @Test func identicalTOMLKeyIsASyntaxErrorWithItsLine() {
    let found = issues(
      """
      [normal]
      "j" = "slice.next"
      "j" = "slice.previous"
      """)
    #expect(found.count == 1)
    #expect(found.first?.line == 3)
    guard case .syntax? = found.first?.problem else {
      Issue.record("expected a syntax error, got \(found)")
      return
    }
  }

  @Test func prefixOfAnotherSequenceIsAmbiguous() {
    let found = issues(
      """
      [normal]
      "g" = "slice.first"
      "j" = "slice.next"
      "gg" = "slice.first"
      """)
    #expect(found.count == 1)
    #expect(found.first?.line == 4)
    #expect(
      found.first?.problem
        == .ambiguousPrefix(prefix: "g", longer: "gg", otherFileName: "test.toml", otherLine: 2))
    // The same keys in different modes do not conflict.
    #expect(issues("[normal]\n\"g\" = \"slice.first\"\n[box]\n\"gg\" = \"slice.first\"\n").isEmpty)
  }

  @Test func structuralProblemsNameTheirLines() {
    let found = issues(
      """
      colour = "blue"
      description = 3
      [normal]
      "j" = 5
      "k" = ""
      [viewing]
      "j" = "slice.next"
      """)
    #expect(found.map(\.line) == [1, 2, 4, 5, 6])
    #expect(
      found.map(\.problem) == [
        .unknownTopLevelKey("colour"),
        .wrongType(key: "description", expected: "a string", found: "integer"),
        .wrongType(key: "j", expected: "a string", found: "integer"),
        .emptyCommand(keys: "k"),
        .unknownMode("viewing"),
      ])
  }

  @Test func syntaxErrorsKeepLineAndNeverCrash() {
    for text in ["[normal\n", "a = [}]\n", "[#]\n", "\n\n[normal]\n\"j\" = \n"] {
      #expect(!issues(text).isEmpty, "\(text)")
    }
    #expect(issues("\n\n[normal]\n\"j\" = \n").first?.line == 4)
  }

  @Test func extendsOverridesUnbindsAndChecksAcrossFiles() throws {
    let parent = """
      [normal]
      "j" = "slice.next"
      "w1" = "window.preset 1"
      "1" = "label.assign 1"
      """
    let child = try load(
      """
      extends = "base"
      [normal]
      "1" = "window.preset 1"
      "w1" = "none"
      "w" = "window.stepMode"
      """, parents: ["base": parent])
    let bindings = try #require(child.mode(named: "normal")).bindings
    #expect(bindings.map { KeyNotation.format($0.keys) } == ["j", "1", "w"])
    #expect(bindings[1].command.description == "window.preset 1")
    #expect(bindings.map(\.fileName) == ["base.toml", "test.toml", "test.toml"])

    // Without the unbinding, the child's `w` makes the parent's `w1` ambiguous: reported in the child.
    let found = issues(
      "extends = \"base\"\n[normal]\n\"w\" = \"window.stepMode\"\n", parents: ["base": parent])
    #expect(
      found == [
        KeymapIssue(
          fileName: "test.toml", line: 3, mode: "normal",
          problem: .ambiguousPrefix(
            prefix: "w", longer: "w1", otherFileName: "base.toml", otherLine: 3))
      ])
  }

  @Test func extendsProblems() {
    #expect(issues("extends = \"nowhere\"\n").first?.problem == .unknownParent("nowhere"))
    let cycle = issues(
      "extends = \"a\"\n",
      parents: ["a": "extends = \"b\"\n", "b": "extends = \"test\"\n", "test": "extends = \"a\"\n"])
    #expect(cycle.first?.problem == .extendsCycle(["test", "a", "b", "test"]))
    // A problem in the parent is reported in the parent's file.
    let inParent = issues(
      "extends = \"base\"\n", parents: ["base": "[normal]\n\"j\" = \"bogus\"\n"])
    #expect(inParent.first?.fileName == "base.toml")
    #expect(inParent.first?.line == 2)
  }
}
