/// Where a line of text sits in its width.
public enum TextAlignment: Sendable, Equatable {
  case left, center, right
}

/// One line of text in the first row of a rect, aligned, truncated with `…` when too long.
public struct TextLine: Sendable, Equatable {
  public var text: String
  public var alignment: TextAlignment
  public var style: Style

  public init(_ text: String, alignment: TextAlignment = .left, style: Style = .plain) {
    self.text = text
    self.alignment = alignment
    self.style = style
  }

  /// Fills the rect's first row with `style` and writes the text into it.
  public func draw(in buffer: inout ScreenBuffer, _ rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = Rect(column: rect.column, row: rect.row, width: rect.width, height: 1)
    buffer.fill(row, style: style)
    let shown = text.truncated(toWidth: rect.width)
    let free = rect.width - shown.displayWidth
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .center: offset = free / 2
    case .right: offset = free
    }
    buffer.write(
      shown, column: rect.column + offset, row: rect.row, style: style, limit: rect.maxColumn)
  }
}
