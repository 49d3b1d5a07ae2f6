/// A piece of the status line with its own style.
public struct StatusSegment: Sendable, Equatable {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// A one-row status bar: left, middle and right segments; when space runs out the middle
/// shrinks (then disappears) first, then the left, and the right last.
public struct StatusLine: Sendable, Equatable {
  public var left: StatusSegment
  public var middle: StatusSegment
  public var right: StatusSegment
  /// The style of the gaps between segments.
  public var style: Style

  public init(
    left: StatusSegment = StatusSegment(""), middle: StatusSegment = StatusSegment(""),
    right: StatusSegment = StatusSegment(""), style: Style = .plain
  ) {
    self.left = left
    self.middle = middle
    self.right = right
    self.style = style
  }

  /// Draws into the first row of `rect`.
  public func draw(in buffer: inout ScreenBuffer, _ rect: Rect) {
    guard !rect.isEmpty else { return }
    let width = rect.width
    let row = rect.row
    buffer.fill(Rect(column: rect.column, row: row, width: width, height: 1), style: style)
    let rightText = right.text.truncated(toWidth: width)
    let rightWidth = rightText.displayWidth
    let leftRoom = rightWidth > 0 ? width - rightWidth - 1 : width
    let leftText = left.text.truncated(toWidth: max(0, leftRoom))
    let leftWidth = leftText.displayWidth
    // The middle needs a space on each side that has a neighbour.
    let gapStart = leftWidth > 0 ? leftWidth + 1 : 0
    let gapEnd = rightWidth > 0 ? width - rightWidth - 1 : width
    let middleRoom = gapEnd - gapStart
    var middleText = middle.text.truncated(toWidth: max(0, middleRoom))
    if middleText == "…" { middleText = "" }
    buffer.write(leftText, column: rect.column, row: row, style: left.style, limit: rect.maxColumn)
    buffer.write(
      rightText, column: rect.maxColumn - rightWidth, row: row, style: right.style,
      limit: rect.maxColumn)
    guard !middleText.isEmpty else { return }
    let middleWidth = middleText.displayWidth
    // Centered on the whole line when that fits in the gap, else as close to it as possible.
    let centered = (width - middleWidth) / 2
    let start = min(max(centered, gapStart), gapEnd - middleWidth)
    buffer.write(
      middleText, column: rect.column + start, row: row, style: middle.style,
      limit: rect.column + gapEnd)
  }
}
