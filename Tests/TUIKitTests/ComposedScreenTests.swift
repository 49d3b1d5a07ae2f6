import TUIKit
import Testing

@Suite struct ComposedScreenTests {
  /// A miniature annotty screen: image viewport (skip region), side panel, status line.
  func compose(width: Int, height: Int, theme: Theme) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: width, height: height, style: theme[.text])
    let rows = buffer.bounds.splitRows([.fill, .fixed(1)])
    let columns = rows[0].splitColumns([.fill, .fixed(22)])
    buffer.addSkip(columns[0])
    let panel = Border(style: theme[.border], title: "Labels", titleStyle: theme[.title])
      .draw(in: &buffer, columns[1])
    ListView(
      items: [
        ListItem("hemorrhage", marker: "■", markerStyle: theme[.label], detail: "1"),
        ListItem("fracture", marker: "■", markerStyle: theme[.label], detail: "2"),
      ], selectedIndex: 1, style: theme[.text], selectionStyle: theme[.selection]
    ).draw(in: &buffer, panel)
    StatusLine(
      left: StatusSegment("CT HEAD", style: theme[.status]),
      middle: StatusSegment("12/80 W/L 80/40", style: theme[.status]),
      right: StatusSegment("1 conflict", style: theme[.statusAlert]), style: theme[.status]
    ).draw(in: &buffer, rows[1])
    return buffer
  }

  @Test func screenAt40x6WithTheFallbackTheme() {
    let buffer = compose(width: 40, height: 6, theme: .fallback)
    #expect(
      framed(buffer) == """
        ~~~~~~~~~~~~~~~~~~┌ Labels ────────────┐|
        ~~~~~~~~~~~~~~~~~~│■ hemorrhage       1│|
        ~~~~~~~~~~~~~~~~~~│■ fracture         2│|
        ~~~~~~~~~~~~~~~~~~│                    │|
        ~~~~~~~~~~~~~~~~~~└────────────────────┘|
        CT HEAD     12/80 W/L 80/40   1 conflict|
        """)
    #expect(
      buffer.snapshotStyles(names: Theme.fallback.styleNames)
        == """
        0: 0-17 text, 18-18 border, 19-26 title, 27-39 border
        1: 0-17 text, 18-18 border, 19-19 label, 20-38 text, 39-39 border
        2: 0-17 text, 18-18 border, 19-19 label, 20-38 selection, 39-39 border
        3: 0-17 text, 18-18 border, 19-38 text, 39-39 border
        4: 0-17 text, 18-39 border
        5: 0-29 status, 30-39 statusAlert
        """)
  }

  @Test func switchingThemeRepaintsOnlyTextOutsideTheImage() throws {
    let before = compose(width: 80, height: 24, theme: .fallback)
    let after = compose(width: 80, height: 24, theme: Theme.fallback.reduced(to: .colors16))
    // The fallback uses only the 16 ANSI colors, so reducing it to 16 changes nothing.
    #expect(ScreenDiff.changes(from: before, to: after).isEmpty)
    var dark = Theme.fallback
    dark[.border] = Style(foreground: .indexed(4))
    let recolored = compose(width: 80, height: 24, theme: dark)
    let runs = ScreenDiff.changes(from: before, to: recolored)
    // Only the panel border changes: the top edge either side of the unchanged title, the
    // bottom edge, and both sides of the 21 rows between.
    #expect(runs.count == 2 + 1 + 2 * 21)
    #expect(runs.allSatisfy { $0.column >= 58 })
  }
}
