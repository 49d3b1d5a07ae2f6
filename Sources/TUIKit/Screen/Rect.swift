/// A rectangle of cells: `column`, `row` of the top-left corner, `width` and `height` in cells.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
  public var column: Int
  public var row: Int
  public var width: Int
  public var height: Int

  /// Negative sizes become 0, so every rect is well formed.
  public init(column: Int, row: Int, width: Int, height: Int) {
    self.column = column
    self.row = row
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public var maxColumn: Int { column + width }
  public var maxRow: Int { row + height }
  public var isEmpty: Bool { width == 0 || height == 0 }

  public func contains(column: Int, row: Int) -> Bool {
    column >= self.column && column < maxColumn && row >= self.row && row < maxRow
  }

  /// The overlap of two rects; empty (at this rect's origin) when they do not meet.
  public func intersection(_ other: Rect) -> Rect {
    let left = max(column, other.column)
    let top = max(row, other.row)
    let right = min(maxColumn, other.maxColumn)
    let bottom = min(maxRow, other.maxRow)
    guard right > left, bottom > top else {
      return Rect(column: column, row: row, width: 0, height: 0)
    }
    return Rect(column: left, row: top, width: right - left, height: bottom - top)
  }

  /// `column,row widthxheight`, for test messages.
  public var description: String { "\(column),\(row) \(width)x\(height)" }
}
