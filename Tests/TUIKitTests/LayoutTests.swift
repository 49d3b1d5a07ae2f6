import TUIKit
import Testing

@Suite struct LayoutTests {
  /// The annotty screen: viewport and side panel above a status line.
  func appLayout(width: Int, height: Int) -> (viewport: Rect, panel: Rect, status: Rect) {
    let screen = Rect(column: 0, row: 0, width: width, height: height)
    let rows = screen.splitRows([.fill, .fixed(1)])
    let columns = rows[0].splitColumns([.fill, .fraction(0.3)])
    return (columns[0], columns[1], rows[1])
  }

  @Test func appLayoutAt80x24() {
    let layout = appLayout(width: 80, height: 24)
    #expect(layout.viewport == Rect(column: 0, row: 0, width: 56, height: 23))
    #expect(layout.panel == Rect(column: 56, row: 0, width: 24, height: 23))
    #expect(layout.status == Rect(column: 0, row: 23, width: 80, height: 1))
  }

  @Test func appLayoutAt160x48() {
    let layout = appLayout(width: 160, height: 48)
    #expect(layout.viewport == Rect(column: 0, row: 0, width: 112, height: 47))
    #expect(layout.panel == Rect(column: 112, row: 0, width: 48, height: 47))
    #expect(layout.status == Rect(column: 0, row: 47, width: 160, height: 1))
  }

  @Test func panelSplitWithBordersAt80x24() {
    let panel = Rect(column: 56, row: 0, width: 24, height: 23)
    let sections = panel.splitRows([.fraction(0.25), .fill, .fill])
    #expect(sections.map(\.height) == [5, 9, 9])
    #expect(sections.map(\.row) == [0, 5, 14])
    #expect(sections[1].inset(by: 1) == Rect(column: 57, row: 6, width: 22, height: 7))
  }

  @Test func fillsShareTheRestAndTheLastTakesTheRemainder() {
    let rect = Rect(column: 0, row: 0, width: 10, height: 1)
    #expect(rect.splitColumns([.fill, .fill, .fill]).map(\.width) == [3, 3, 4])
    #expect(rect.splitColumns([.fixed(3), .fill, .fixed(2)]).map(\.column) == [0, 3, 8])
  }

  @Test func overAllocationClipsLaterParts() {
    let rect = Rect(column: 5, row: 0, width: 10, height: 4)
    #expect(rect.splitColumns([.fixed(8), .fixed(8), .fill]).map(\.width) == [8, 2, 0])
    #expect(
      rect.splitRows([.fraction(2), .fraction(-1), .fraction(.nan)]).map(\.height) == [4, 0, 0])
  }

  @Test func insetNeverGoesNegative() {
    let rect = Rect(column: 2, row: 3, width: 3, height: 2)
    #expect(rect.inset(by: 1) == Rect(column: 3, row: 4, width: 1, height: 0))
    #expect(rect.inset(by: 5).isEmpty)
    #expect(rect.inset(left: 1, right: 1) == Rect(column: 3, row: 3, width: 1, height: 2))
  }

  @Test func centeredRectFitsInside() {
    let area = Rect(column: 0, row: 0, width: 80, height: 24)
    #expect(area.centered(width: 20, height: 10) == Rect(column: 30, row: 7, width: 20, height: 10))
    #expect(area.centered(width: 200, height: 100) == area)
  }
}
