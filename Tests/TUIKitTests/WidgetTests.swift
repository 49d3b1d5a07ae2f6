import TUIKit
import Testing

@Suite struct WidgetTests {
  @Test func borderWithTitleInUnicodeAndASCII() {
    var buffer = ScreenBuffer(width: 12, height: 4)
    let inner = Border(title: "Series").draw(
      in: &buffer, Rect(column: 0, row: 0, width: 12, height: 4))
    #expect(inner == Rect(column: 1, row: 1, width: 10, height: 2))
    #expect(
      framed(buffer) == """
        ┌ Series ──┐|
        │          │|
        │          │|
        └──────────┘|
        """)
    var ascii = ScreenBuffer(width: 8, height: 3)
    Border(glyphs: .ascii, title: "Annotations").draw(in: &ascii, ascii.bounds)
    #expect(
      framed(ascii) == """
        + Ann… +|
        |      ||
        +------+|
        """)
  }

  @Test func borderTooSmallDrawsNothing() {
    var buffer = ScreenBuffer(width: 3, height: 3)
    let inner = Border().draw(in: &buffer, Rect(column: 0, row: 0, width: 1, height: 3))
    #expect(inner.isEmpty)
    #expect(framed(buffer) == "   |\n   |\n   |")
  }

  @Test func textLineAlignmentsAndTruncation() {
    var buffer = ScreenBuffer(width: 10, height: 4)
    TextLine("left").draw(in: &buffer, Rect(column: 0, row: 0, width: 10, height: 1))
    TextLine("mid", alignment: .center).draw(
      in: &buffer, Rect(column: 0, row: 1, width: 10, height: 1))
    TextLine("right", alignment: .right).draw(
      in: &buffer, Rect(column: 0, row: 2, width: 10, height: 1))
    TextLine("a very long line", alignment: .right, style: Style(bold: true))
      .draw(in: &buffer, Rect(column: 0, row: 3, width: 10, height: 1))
    #expect(
      framed(buffer) == """
        left      |
           mid    |
             right|
        a very lo…|
        """)
    #expect(buffer.snapshotStyles() == "3: 0-9 B")
  }

  func labels(_ count: Int) -> [ListItem] {
    (1...count).map {
      ListItem(
        "label \($0)", marker: "■", markerStyle: Style(foreground: .indexed(UInt8($0))),
        detail: "\($0 % 10)")
    }
  }

  @Test func listViewScrollsToKeepTheSelectionVisible() {
    var buffer = ScreenBuffer(width: 12, height: 3)
    var list = ListView(items: labels(8), selectedIndex: 5)
    let offset = list.draw(in: &buffer, buffer.bounds)
    #expect(offset == 3)
    #expect(
      framed(buffer) == """
        ■ label 4  4|
        ■ label 5  5|
        ■ label 6  6|
        """)
    #expect(
      buffer.snapshotStyles() == """
        0: 0-0 fg=4, 1-11 plain
        1: 0-0 fg=5, 1-11 plain
        2: 0-0 fg=6, 1-11 R
        """)
    // Moving up inside the visible rows keeps the offset; above it scrolls up.
    list.scrollOffset = offset
    list.selectedIndex = 4
    #expect(list.draw(in: &buffer, buffer.bounds) == 3)
    list.selectedIndex = 0
    #expect(list.draw(in: &buffer, buffer.bounds) == 0)
  }

  @Test func listViewOffsetNeverPassesTheEnd() {
    #expect(ListView.scrollOffset(selected: nil, current: 50, visibleRows: 3, itemCount: 8) == 5)
    #expect(ListView.scrollOffset(selected: 99, current: 0, visibleRows: 3, itemCount: 8) == 5)
    #expect(ListView.scrollOffset(selected: 2, current: 0, visibleRows: 10, itemCount: 8) == 0)
    #expect(ListView.scrollOffset(selected: 1, current: 4, visibleRows: 0, itemCount: 8) == 0)
  }

  @Test func listViewDropsTheDetailWhenNarrowAndBlanksUnusedRows() {
    var buffer = ScreenBuffer(width: 8, height: 3)
    let list = ListView(items: [ListItem("hemorrhage", detail: "1")], selectedIndex: nil)
    list.draw(in: &buffer, buffer.bounds)
    #expect(framed(buffer) == "hemor… 1|\n        |\n        |")
    var narrow = ScreenBuffer(width: 6, height: 1)
    list.draw(in: &narrow, narrow.bounds)
    #expect(framed(narrow) == "hemor…|")
  }

  @Test func statusLineShrinksTheMiddleFirst() {
    let status = StatusLine(
      left: StatusSegment("CT HEAD"), middle: StatusSegment("slice 12/80  W/L 80/40 brain"),
      right: StatusSegment("synced"), style: Style(reverse: true))
    var wide = ScreenBuffer(width: 50, height: 1)
    status.draw(in: &wide, wide.bounds)
    #expect(framed(wide) == "CT HEAD    slice 12/80  W/L 80/40 brain     synced|")
    var medium = ScreenBuffer(width: 30, height: 1)
    status.draw(in: &medium, medium.bounds)
    #expect(framed(medium) == "CT HEAD slice 12/80  W… synced|")
    var narrow = ScreenBuffer(width: 16, height: 1)
    status.draw(in: &narrow, narrow.bounds)
    #expect(framed(narrow) == "CT HEAD   synced|")
    var tiny = ScreenBuffer(width: 12, height: 1)
    status.draw(in: &tiny, tiny.bounds)
    #expect(framed(tiny) == "CT H… synced|")
    var minimal = ScreenBuffer(width: 5, height: 1)
    status.draw(in: &minimal, minimal.bounds)
    #expect(framed(minimal) == "sync…|")
  }

  @Test func statusLineKeepsSegmentStyles() {
    let alert = Style(foreground: .indexed(15), background: .indexed(1))
    let status = StatusLine(
      left: StatusSegment("a", style: Style(bold: true)),
      right: StatusSegment("2 conflicts", style: alert),
      style: Style(reverse: true))
    var buffer = ScreenBuffer(width: 20, height: 1)
    status.draw(in: &buffer, buffer.bounds)
    #expect(buffer.snapshotStyles() == "0: 0-0 B, 1-8 R, 9-19 fg=15 bg=1")
  }

  let help = (1...7).map { HelpEntry(key: "w\($0)", description: "window preset \($0)") }

  @Test func helpOverlayIsCenteredAndHidesWhatIsUnder() {
    var buffer = ScreenBuffer(width: 30, height: 7)
    buffer.fill(buffer.bounds, with: ".")
    let placement = HelpOverlay(title: "Keys", entries: Array(help.prefix(3))).draw(
      in: &buffer, buffer.bounds)
    #expect(placement.pageCount == 1)
    #expect(
      framed(buffer) == """
        ..............................|
        ...┌ Keys ───────────────┐....|
        ...│ w1  window preset 1 │....|
        ...│ w2  window preset 2 │....|
        ...│ w3  window preset 3 │....|
        ...└─────────────────────┘....|
        ..............................|
        """)
  }

  @Test func helpOverlayPagesWhenTooTall() {
    var buffer = ScreenBuffer(width: 26, height: 6)
    var overlay = HelpOverlay(title: "Keys", entries: help, page: 2)
    let placement = overlay.draw(in: &buffer, buffer.bounds)
    #expect(placement.pageCount == 3 && placement.page == 2)
    #expect(
      framed(buffer) == """
         ┌ Keys ───────────────┐  |
         │ w7  window preset 7 │  |
         │                     │  |
         │                     │  |
         │            page 3/3 │  |
         └─────────────────────┘  |
        """)
    overlay.page = 99
    #expect(overlay.draw(in: &buffer, buffer.bounds).page == 2)
  }
}
