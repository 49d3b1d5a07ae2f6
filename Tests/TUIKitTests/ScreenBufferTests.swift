import TUIKit
import Testing

@Suite struct ScreenBufferTests {
  @Test func textIsClippedAtTheRightEdge() {
    var buffer = ScreenBuffer(width: 8, height: 2)
    let end = buffer.write("annotty viewer", column: 2, row: 0)
    buffer.write("abcdef", column: 0, row: 1, limit: 4)
    #expect(end == 8)
    #expect(framed(buffer) == "  annott|\nabcd    |")
  }

  @Test func writesOutsideTheBufferAreIgnored() {
    var buffer = ScreenBuffer(width: 4, height: 1)
    buffer.write("xx", column: 0, row: 5)
    buffer.write("xx", column: 0, row: -1)
    buffer.write("abcdef", column: -2, row: 0)
    #expect(framed(buffer) == "cdef|")
  }

  @Test func wideCharacterTakesTwoCellsAndIsNeverSplitAtTheEdge() {
    var buffer = ScreenBuffer(width: 5, height: 2)
    buffer.write("a日本", column: 0, row: 0)
    buffer.write("ab日本", column: 0, row: 1)
    #expect(buffer[1, 0].width == 2)
    #expect(buffer[2, 0].isContinuation)
    // Row 1: "本" would need columns 4 and 5; column 4 becomes a space instead.
    #expect(framed(buffer) == "a日本|\nab日 |")
    #expect(buffer[4, 1] == .blank())
  }

  @Test func emojiAndFullwidthFormsAreWide() {
    #expect("🙂".displayWidth == 2)
    #expect("Ａ".displayWidth == 2)
    #expect("✔".displayWidth == 1)
    #expect("✔️".displayWidth == 2)
    #expect("한".displayWidth == 2)
  }

  @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
    var buffer = ScreenBuffer(width: 6, height: 2)
    buffer.write("日本語", column: 0, row: 0)
    buffer.write("x", column: 1, row: 0)
    buffer.write("日本語", column: 0, row: 1)
    buffer.write("y", column: 2, row: 1)
    #expect(framed(buffer) == " x本語|\n日y 語|")
    #expect(!buffer[2, 0].isContinuation)
  }

  @Test func combiningMarksStayWithTheirBaseCharacter() {
    var buffer = ScreenBuffer(width: 4, height: 2)
    buffer.write("e\u{301}te\u{301}", column: 0, row: 0)
    #expect(buffer[0, 0].text == "e\u{301}")
    #expect(buffer[3, 0].text == " ")
    // A mark written on its own joins the cell before it.
    buffer.write("a", column: 0, row: 1)
    buffer.write("\u{308}b", column: 1, row: 1)
    #expect(buffer[0, 1].text == "a\u{308}")
    #expect(buffer[1, 1].text == "b")
    // At column 0 there is nothing to join: the mark is dropped, not a crash.
    buffer.write("\u{308}", column: 0, row: 0)
    #expect(buffer[0, 0].text == "e\u{301}")
  }

  @Test func markAfterAWideCharacterJoinsItsLeadCell() {
    var buffer = ScreenBuffer(width: 4, height: 1)
    buffer.write("日", column: 0, row: 0)
    buffer.write("\u{301}", column: 2, row: 0)
    #expect(buffer[0, 0].text == "日\u{301}")
    #expect(buffer[1, 0].isContinuation)
  }

  @Test func controlCharactersShowAsQuestionMarks() {
    var buffer = ScreenBuffer(width: 6, height: 1)
    buffer.write("a\tb\u{1B}c", column: 0, row: 0)
    #expect(framed(buffer) == "a?b?c |")
  }

  @Test func fillAndStyleRuns() {
    var buffer = ScreenBuffer(width: 6, height: 3)
    let red = Style(foreground: .indexed(1))
    buffer.fill(Rect(column: 1, row: 1, width: 10, height: 5), with: "#", style: red)
    buffer.setStyle(Style(bold: true), row: 0, columns: 2..<4)
    buffer.setStyle(Style(bold: true), row: 9, columns: -3..<40)
    #expect(framed(buffer) == "      |\n #####|\n #####|")
    #expect(
      buffer.snapshotStyles() == """
        0: 0-1 plain, 2-3 B, 4-5 plain
        1: 0-0 plain, 1-5 fg=1
        2: 0-0 plain, 1-5 fg=1
        """)
  }

  @Test func skipRegionsShowAsMarkersInSnapshots() {
    var buffer = ScreenBuffer(width: 5, height: 3)
    buffer.fill(buffer.bounds, with: ".")
    buffer.addSkip(Rect(column: 1, row: 1, width: 9, height: 1))
    buffer.addSkip(Rect(column: 10, row: 10, width: 2, height: 2))
    #expect(buffer.skipRegions == [Rect(column: 1, row: 1, width: 4, height: 1)])
    #expect(framed(buffer) == ".....|\n.~~~~|\n.....|")
    #expect(framed(buffer, skipMarker: nil) == ".....|\n.....|\n.....|")
  }

  @Test func zeroSizedBufferIsSafe() {
    var buffer = ScreenBuffer(width: 0, height: -3)
    buffer.write("abc", column: 0, row: 0)
    buffer.fill(Rect(column: 0, row: 0, width: 5, height: 5))
    #expect(buffer.snapshotText() == "")
    #expect(ScreenDiff.changes(from: buffer, to: buffer).isEmpty)
  }

  @Test func truncationCountsDisplayColumns() {
    #expect("radiology".truncated(toWidth: 5) == "radi…")
    #expect("日本語テキスト".truncated(toWidth: 6) == "日本…")
    #expect("short".truncated(toWidth: 5) == "short")
    #expect("abc".truncated(toWidth: 0) == "")
  }
}
