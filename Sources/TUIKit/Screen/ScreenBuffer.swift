/// A grid of cells plus the "skip" rectangles where an image lies and a backend must not paint.
///
/// Every write clips to the buffer (and to an optional right limit), never splits a wide
/// grapheme, and repairs a wide grapheme it overwrites half of, so a row always reads correctly.
public struct ScreenBuffer: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// Row-major, `width * height` cells.
  public private(set) var cells: [Cell]
  /// Regions covered by images; their cells are never part of a diff.
  public private(set) var skipRegions: [Rect] = []

  public init(width: Int, height: Int, style: Style = .plain) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank(style), count: self.width * self.height)
  }

  /// The whole buffer as a rect at the origin.
  public var bounds: Rect { Rect(column: 0, row: 0, width: width, height: height) }

  /// The cell at a position; a blank for positions outside the buffer.
  public subscript(column: Int, row: Int) -> Cell {
    guard column >= 0, column < width, row >= 0, row < height else { return .blank() }
    return cells[row * width + column]
  }

  /// Marks `rect` (clipped to the buffer) as covered by an image.
  public mutating func addSkip(_ rect: Rect) {
    let clipped = rect.intersection(bounds)
    if !clipped.isEmpty { skipRegions.append(clipped) }
  }

  public mutating func removeAllSkips() {
    skipRegions.removeAll()
  }

  /// Whether a backend must leave this position alone.
  public func isSkipped(column: Int, row: Int) -> Bool {
    skipRegions.contains { $0.contains(column: column, row: row) }
  }

  /// Writes `text` from (column, row), clipped at the right edge of the buffer or at `limit`
  /// (exclusive), whichever is smaller; returns the column after the last cell written.
  /// A wide grapheme that does not fit becomes a space; a leading combining mark joins the
  /// grapheme before `column`; control characters show as `?`.
  @discardableResult
  public mutating func write(
    _ text: String, column: Int, row: Int, style: Style = .plain, limit: Int? = nil
  ) -> Int {
    let end = min(width, limit ?? width)
    var position = column
    guard row >= 0, row < height else { return position }
    for character in text {
      guard position < end else { break }
      var grapheme = String(character)
      var columns = CharacterWidth.of(character)
      if columns == 0 {
        attachMark(grapheme, beforeColumn: position, row: row)
        continue
      }
      if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        grapheme = "?"
        columns = 1
      }
      if position < 0 {
        // Left of the buffer: only the part of a wide grapheme that reaches column 0 shows.
        if position + columns > 0 { put(.blank(style), column: 0, row: row) }
        position += columns
        continue
      }
      if position + columns > end {
        put(.blank(style), column: position, row: row)
        position += 1
        break
      }
      put(Cell(text: grapheme, width: columns, style: style), column: position, row: row)
      if columns == 2 { put(.continuation(style), column: position + 1, row: row) }
      position += columns
    }
    return position
  }

  /// Fills `rect` (clipped to the buffer) with `character` in `style`.
  public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    let line = String(repeating: String(character), count: area.width)
    for row in area.row..<area.maxRow {
      write(line, column: area.column, row: row, style: style, limit: area.maxColumn)
    }
  }

  /// Sets the style of the cells in `columns` of `row`, keeping their text.
  public mutating func setStyle(_ style: Style, row: Int, columns: Range<Int>) {
    guard row >= 0, row < height else { return }
    for column in max(0, columns.lowerBound)..<min(width, max(0, columns.upperBound)) {
      cells[row * width + column].style = style
    }
  }

  /// Applies `change` to the style of every cell in `rect`, keeping text (a selection bar).
  public mutating func updateStyle(in rect: Rect, _ change: (inout Style) -> Void) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for row in area.row..<area.maxRow {
      for column in area.column..<area.maxColumn {
        change(&cells[row * width + column].style)
      }
    }
  }

  /// Stores one cell, first turning into spaces the halves of any wide grapheme it breaks.
  private mutating func put(_ cell: Cell, column: Int, row: Int) {
    guard column >= 0, column < width else { return }
    let index = row * width + column
    let old = cells[index]
    if old.isContinuation && column > 0 && !cell.isContinuation {
      cells[index - 1] = .blank(cells[index - 1].style)
    }
    if old.width == 2 && column + 1 < width && cell.width != 2 {
      cells[index + 1] = .blank(cells[index + 1].style)
    }
    cells[index] = cell
  }

  private mutating func attachMark(_ mark: String, beforeColumn column: Int, row: Int) {
    var target = min(column, width) - 1
    guard target >= 0 else { return }
    if cells[row * width + target].isContinuation && target > 0 { target -= 1 }
    cells[row * width + target].text += mark
  }
}
