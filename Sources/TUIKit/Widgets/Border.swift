/// A box drawn around a rect, in Unicode box drawing or plain ASCII for limited terminals.
public struct Border: Sendable, Equatable {
  /// The characters of a box: corners, then horizontal and vertical edges.
  public struct Glyphs: Sendable, Equatable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character

    public init(
      topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
      horizontal: Character, vertical: Character
    ) {
      self.topLeft = topLeft
      self.topRight = topRight
      self.bottomLeft = bottomLeft
      self.bottomRight = bottomRight
      self.horizontal = horizontal
      self.vertical = vertical
    }

    public static let unicode = Glyphs(
      topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─",
      vertical: "│")
    public static let ascii = Glyphs(
      topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-",
      vertical: "|")
  }

  public var glyphs: Glyphs
  public var style: Style
  /// Shown in the top edge after the corner, truncated to fit.
  public var title: String
  public var titleStyle: Style

  public init(
    glyphs: Glyphs = .unicode, style: Style = .plain, title: String = "", titleStyle: Style? = nil
  ) {
    self.glyphs = glyphs
    self.style = style
    self.title = title
    self.titleStyle = titleStyle ?? style
  }

  /// Draws the box on the edge cells of `rect` and returns the interior.
  /// A rect under 2x2 has no interior: nothing is drawn and an empty rect is returned.
  @discardableResult
  public func draw(in buffer: inout ScreenBuffer, _ rect: Rect) -> Rect {
    guard rect.width >= 2, rect.height >= 2 else { return rect.inset(by: rect.width) }
    let inner = rect.width - 2
    let horizontal = String(repeating: String(glyphs.horizontal), count: inner)
    let top = rect.row
    let bottom = rect.maxRow - 1
    let right = rect.maxColumn - 1
    buffer.write(
      String(glyphs.topLeft) + horizontal + String(glyphs.topRight), column: rect.column,
      row: top, style: style, limit: rect.maxColumn)
    buffer.write(
      String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), column: rect.column,
      row: bottom, style: style, limit: rect.maxColumn)
    for row in (top + 1)..<bottom {
      buffer.write(String(glyphs.vertical), column: rect.column, row: row, style: style)
      buffer.write(String(glyphs.vertical), column: right, row: row, style: style)
    }
    if !title.isEmpty && inner >= 3 {
      // One space each side keeps the title apart from the line.
      let text = " " + title.truncated(toWidth: inner - 2) + " "
      buffer.write(text, column: rect.column + 1, row: top, style: titleStyle, limit: right)
    }
    return rect.inset(by: 1)
  }
}
