import TUIKit
import Testing

@Suite struct ScreenDiffTests {
  func screen(_ rows: [String]) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: rows.map(\.displayWidth).max() ?? 0, height: rows.count)
    for (row, text) in rows.enumerated() { buffer.write(text, column: 0, row: row) }
    return buffer
  }

  @Test func identicalFramesNeedNoPaint() {
    let frame = screen(["hello", "world"])
    #expect(ScreenDiff.changes(from: frame, to: frame).isEmpty)
  }

  @Test func oneChangedCharacterIsOneCell() {
    let old = screen(["slice 12/80", "W/L 40/80"])
    var new = old
    new.write("3", column: 7, row: 0)
    #expect(ScreenDiff.changes(from: old, to: new).map(\.description) == ["0:7 \"3\""])
  }

  @Test func changesAreSeparateRunsPerRowWithoutUnchangedCells() {
    let old = screen(["abcdefgh", "12345678"])
    let new = screen(["aXcdeYZh", "12345678"])
    #expect(
      ScreenDiff.changes(from: old, to: new).map(\.description) == ["0:1 \"X\"", "0:5 \"YZ\""])
  }

  @Test func styleOnlyChangeIsRepainted() {
    let old = screen(["abc"])
    var new = old
    new.setStyle(Style(reverse: true), row: 0, columns: 1..<2)
    let runs = ScreenDiff.changes(from: old, to: new)
    #expect(runs.count == 1)
    #expect(runs[0].column == 1 && runs[0].cells[0].style.reverse)
  }

  @Test func skipRegionsAreNeverInADiff() {
    let old = screen(["..........", "..........", ".........."])
    var new = screen(["XXXXXXXXXX", "XXXXXXXXXX", "XXXXXXXXXX"])
    new.addSkip(Rect(column: 2, row: 0, width: 5, height: 2))
    let runs = ScreenDiff.changes(from: old, to: new)
    for run in runs {
      for column in run.column..<(run.column + run.cells.count) {
        #expect(!new.isSkipped(column: column, row: run.row))
      }
    }
    #expect(
      runs.map(\.description) == [
        "0:0 \"XX\"", "0:7 \"XXX\"", "1:0 \"XX\"", "1:7 \"XXX\"", "2:0 \"XXXXXXXXXX\"",
      ])
  }

  @Test func cellsAnImageLeftAreRepaintedEvenWhenTheirTextIsUnchanged() {
    var old = screen(["abcdef"])
    old.addSkip(Rect(column: 1, row: 0, width: 3, height: 1))
    var new = screen(["abcdef"])
    new.addSkip(Rect(column: 2, row: 0, width: 3, height: 1))
    // Column 1 showed the image and must get its text back; 2...4 are the new image.
    #expect(ScreenDiff.changes(from: old, to: new).map(\.description) == ["0:1 \"b\""])
  }

  @Test func wideCharacterIsSentWholeWhenEitherHalfChanges() {
    let old = screen(["ab日d"])
    let new = screen(["ab本d"])
    let runs = ScreenDiff.changes(from: old, to: new)
    #expect(runs.map(\.description) == ["0:2 \"本\""])
    #expect(runs[0].cells.count == 2)
  }

  @Test func wideCharacterCutByASkipEdgeIsSentAsASpace() {
    let old = screen([".......", "......."])
    var new = screen(["a日bc日", "a日bc日"])
    new.addSkip(Rect(column: 2, row: 0, width: 4, height: 1))
    // Row 0: 日 at column 1 reaches into the image at column 2, so only a space is painted;
    // the second 日 starts under the image and its right half (column 6) is outside it.
    #expect(
      ScreenDiff.changes(from: old, to: new).map(\.description) == [
        "0:0 \"a \"", "0:6 \" \"", "1:0 \"a日bc日\"",
      ])
  }

  @Test func aSizeChangeRepaintsEveryCellOutsideImages() {
    let old = screen(["ab"])
    var new = ScreenBuffer(width: 3, height: 2)
    new.addSkip(Rect(column: 0, row: 1, width: 2, height: 1))
    #expect(
      ScreenDiff.changes(from: old, to: new).map(\.description) == ["0:0 \"   \"", "1:2 \" \""])
  }

  @Test func movingACursorRepaintsOnlyTheCellsItTouched() {
    var old = ScreenBuffer(width: 80, height: 24)
    old.fill(old.bounds, with: ".")
    var new = old
    old.write("+", column: 10, row: 5)
    new.write("+", column: 11, row: 5)
    let runs = ScreenDiff.changes(from: old, to: new)
    #expect(runs.map(\.description) == ["5:10 \".+\""])
  }
}
