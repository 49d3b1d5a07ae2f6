import Testing

@testable import TUIKit

@Suite struct KeyNotationTests {
  @Test func readsTheNotationKeymapsUse() throws {
    #expect(try KeyNotation.parse("j") == [.character("j")])
    #expect(try KeyNotation.parse("J") == [.character("J")])
    #expect(try KeyNotation.parse("<Right>") == [KeyEvent(.right)])
    #expect(try KeyNotation.parse("<S-Right>") == [KeyEvent(.right, modifiers: .shift)])
    #expect(try KeyNotation.parse("<C-l>") == [.character("l", modifiers: .control)])
    #expect(try KeyNotation.parse("<A-x>") == [.character("x", modifiers: .alt)])
    #expect(try KeyNotation.parse("<Enter>") == [KeyEvent(.enter)])
    #expect(try KeyNotation.parse("<Esc>") == [KeyEvent(.escape)])
    #expect(try KeyNotation.parse("<Space>") == [.character(" ")])
    #expect(try KeyNotation.parse("<lt>") == [.character("<")])
    #expect(try KeyNotation.parse("<F5>") == [KeyEvent(.function(5))])
    #expect(try KeyNotation.parse("<S-Tab>") == [KeyEvent(.backtab)])
  }

  @Test func spacesSeparateKeysOnlyOutsideBrackets() throws {
    let keys = try KeyNotation.parse("jj w1 <Right><Right> <Enter>")
    #expect(
      keys == [
        .character("j"), .character("j"), .character("w"), .character("1"), KeyEvent(.right),
        KeyEvent(.right), KeyEvent(.enter),
      ])
    #expect(try KeyNotation.parse("w1") == KeyNotation.parse("w 1"))
  }

  @Test func equivalentSpellingsNormalizeToOneKey() throws {
    #expect(try KeyNotation.parse("<C-L>") == KeyNotation.parse("<C-l>"))
    #expect(try KeyNotation.parse("<S-j>") == KeyNotation.parse("J"))
    #expect(try KeyNotation.parse("<c-s-right>") == KeyNotation.parse("<S-C-Right>"))
    #expect(try KeyNotation.parse("<M-x>") == KeyNotation.parse("<A-x>"))
    #expect(
      try KeyNotation.parse("<PgDn><Del><BS><CR>")
        == KeyNotation.parse("<PageDown><Delete><Backspace><Enter>"))
    #expect(try KeyNotation.parse("<C-i><C-m><C-[>") == KeyNotation.parse("<Tab><Enter><Esc>"))
    #expect(try KeyNotation.parse("<C-->") == [.character("-", modifiers: .control)])
  }

  @Test(arguments: [
    "j", "J", "<Right>", "<S-Right>", "<C-l>", "<A-x>", "<Enter>", "<Esc>", "<Space>", "<lt>",
    "<F5>", "<F12>", "<S-Tab>", "<C-A-S-Up>", "<PageUp>", "<Delete>", "<Backspace>", "<Insert>",
    "gg", "w1", "w~", "<Right><Right><Enter>", "é", ">", "<A-lt>", "<C-Space>", "<A-1>", "€",
  ])
  func formatsBackToTheSameKeys(_ notation: String) throws {
    let keys = try KeyNotation.parse(notation)
    let formatted = KeyNotation.format(keys)
    #expect(try KeyNotation.parse(formatted) == keys)
  }

  @Test func formatIsCanonical() throws {
    #expect(
      KeyNotation.format(try KeyNotation.parse("jj w1 <Right><Right> <Enter>"))
        == "jjw1<Right><Right><Enter>")
    #expect(
      KeyNotation.format(try KeyNotation.parse("<s-c-RIGHT> <c-L> <esc>"))
        == "<C-S-Right><C-l><Esc>")
    #expect(KeyNotation.format([.character(" ")]) == "<Space>")
    #expect(KeyNotation.format([.character("<")]) == "<lt>")
  }

  @Test(arguments: [
    ("", 1), ("<", 1), ("a<", 2), ("<>", 1), ("<Nope>", 1), ("<X-a>", 1), ("j\tk", 2),
    ("ab <Right", 4),
  ])
  func badNotationNamesTheColumn(_ notation: String, _ column: Int) {
    #expect {
      try KeyNotation.parse(notation)
    } throws: { error in
      (error as? KeyNotationError)?.column == column
    }
  }
}
