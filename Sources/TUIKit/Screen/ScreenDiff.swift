/// A run of adjacent cells in one row that a backend must repaint.
public struct ScreenRun: Sendable, Equatable, CustomStringConvertible {
  public var row: Int
  public var column: Int
  /// The cells to paint from `column`; continuation cells are included so that
  /// `column + cells.count` is the end column, and a backend skips them when painting.
  public var cells: [Cell]

  public init(row: Int, column: Int, cells: [Cell]) {
    self.row = row
    self.column = column
    self.cells = cells
  }

  /// The characters of the run, as they appear on screen.
  public var text: String { cells.map(\.text).joined() }

  /// `row:column "text"`, for test messages.
  public var description: String { "\(row):\(column) \"\(text)\"" }
}

/// What changed between two frames: the minimal runs of changed cells per row, outside images.
public enum ScreenDiff {
  /// Runs to repaint to turn the screen showing `old` into `new`, in row then column order.
  ///
  /// A cell is repainted when it differs, or when an image covered it in `old` but not in `new`
  /// (the terminal still shows the image there). Cells under `new`'s skip regions never appear;
  /// a wide grapheme cut by a skip edge is sent as a space so no paint reaches into the image.
  /// When the sizes differ, every cell outside the skip regions is repainted.
  public static func changes(from old: ScreenBuffer, to new: ScreenBuffer) -> [ScreenRun] {
    let sameSize = old.width == new.width && old.height == new.height
    var runs: [ScreenRun] = []
    for row in 0..<new.height {
      let skipped = (0..<new.width).map { new.isSkipped(column: $0, row: row) }
      var dirty = (0..<new.width).map { column in
        guard !skipped[column] else { return false }
        guard sameSize else { return true }
        return old.isSkipped(column: column, row: row) || old[column, row] != new[column, row]
      }
      // A wide grapheme is painted whole: if either half changed, both halves are sent.
      for column in 0..<new.width where new[column, row].width == 2 && column + 1 < new.width {
        if (dirty[column] || dirty[column + 1]) && !skipped[column] && !skipped[column + 1] {
          dirty[column] = true
          dirty[column + 1] = true
        }
      }
      var column = 0
      while column < new.width {
        guard dirty[column] else {
          column += 1
          continue
        }
        let start = column
        var cells: [Cell] = []
        while column < new.width && dirty[column] {
          cells.append(paintable(new, column: column, row: row, skipped: skipped))
          column += 1
        }
        runs.append(ScreenRun(row: row, column: start, cells: cells))
      }
    }
    return runs
  }

  /// The cell as it can be painted: half of a wide grapheme whose other half is under an
  /// image (or off the row) becomes a space in the same style.
  private static func paintable(
    _ buffer: ScreenBuffer, column: Int, row: Int, skipped: [Bool]
  ) -> Cell {
    let cell = buffer[column, row]
    if cell.width == 2 && (column + 1 >= buffer.width || skipped[column + 1]) {
      return .blank(cell.style)
    }
    if cell.isContinuation && (column == 0 || skipped[column - 1]) {
      return .blank(cell.style)
    }
    return cell
  }
}
