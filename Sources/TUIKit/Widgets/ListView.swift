/// One row of a list: a colored marker (a label's swatch), the text, and a right-aligned detail.
public struct ListItem: Sendable, Equatable {
  public var text: String
  /// Shown before the text, such as `■`; empty for none.
  public var marker: String
  /// The marker's style; nil uses the row's style.
  public var markerStyle: Style?
  /// Shown at the right edge, such as a hotkey; dropped first when the row is narrow.
  public var detail: String

  public init(_ text: String, marker: String = "", markerStyle: Style? = nil, detail: String = "") {
    self.text = text
    self.marker = marker
    self.markerStyle = markerStyle
    self.detail = detail
  }
}

/// A vertical list with one selected row, scrolled so the selection is always visible.
public struct ListView: Sendable, Equatable {
  public var items: [ListItem]
  public var selectedIndex: Int?
  /// The first item shown; adjusted by `draw` so the selection is visible.
  public var scrollOffset: Int
  public var style: Style
  public var selectionStyle: Style

  public init(
    items: [ListItem], selectedIndex: Int? = nil, scrollOffset: Int = 0, style: Style = .plain,
    selectionStyle: Style = Style(reverse: true)
  ) {
    self.items = items
    self.selectedIndex = selectedIndex
    self.scrollOffset = scrollOffset
    self.style = style
    self.selectionStyle = selectionStyle
  }

  /// The smallest change to `current` that keeps `selected` inside `visibleRows` rows and
  /// does not scroll past the end of the list.
  public static func scrollOffset(
    selected: Int?, current: Int, visibleRows: Int, itemCount: Int
  ) -> Int {
    guard visibleRows > 0, itemCount > 0 else { return 0 }
    var offset = min(max(0, current), max(0, itemCount - visibleRows))
    if let selected {
      let index = min(max(0, selected), itemCount - 1)
      if index < offset { offset = index }
      if index >= offset + visibleRows { offset = index - visibleRows + 1 }
    }
    return offset
  }

  /// Draws the visible items into `rect`; returns the scroll offset used, to keep in state.
  @discardableResult
  public func draw(in buffer: inout ScreenBuffer, _ rect: Rect) -> Int {
    guard !rect.isEmpty else { return scrollOffset }
    let offset = Self.scrollOffset(
      selected: selectedIndex, current: scrollOffset, visibleRows: rect.height,
      itemCount: items.count)
    let markerWidth = items.map(\.marker.displayWidth).max() ?? 0
    for line in 0..<rect.height {
      let row = rect.row + line
      let index = offset + line
      let rowRect = Rect(column: rect.column, row: row, width: rect.width, height: 1)
      guard index < items.count else {
        buffer.fill(rowRect, style: style)
        continue
      }
      let item = items[index]
      let rowStyle = index == selectedIndex ? selectionStyle : style
      buffer.fill(rowRect, style: rowStyle)
      var column = rect.column
      if markerWidth > 0 {
        // The marker keeps its own color on the selected row too: it identifies the label.
        let markerStyle = item.markerStyle ?? rowStyle
        buffer.write(
          item.marker, column: column, row: row, style: markerStyle, limit: rect.maxColumn)
        column += markerWidth + 1
      }
      let room = rect.maxColumn - column
      let detailWidth = item.detail.displayWidth
      let showsDetail = detailWidth > 0 && room >= detailWidth + 2 + min(item.text.displayWidth, 4)
      let textRoom = showsDetail ? room - detailWidth - 1 : room
      buffer.write(
        item.text.truncated(toWidth: textRoom), column: column, row: row, style: rowStyle,
        limit: rect.maxColumn)
      if showsDetail {
        buffer.write(
          item.detail, column: rect.maxColumn - detailWidth, row: row, style: rowStyle,
          limit: rect.maxColumn)
      }
    }
    return offset
  }
}
