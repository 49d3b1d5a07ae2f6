/// Decides the character cell size in pixels from the most trusted source that looks plausible.
enum CellSizeDecision {
  /// The cell size assumed when no source is usable.
  static let defaultCellSize = PixelSize(width: 10, height: 20)
  /// Pixel sizes above this are bogus (chafa#62 drops them too).
  static let largestPlausiblePixels = 24576

  /// Cell size and its source, from TIOCGWINSZ, then `CSI 16t`, then `CSI 14t` / cells, then 10x20.
  ///
  /// The rows and columns are TIOCGWINSZ's; the `CSI 18t` reply stands in only outside tmux,
  /// because tmux 3.3a swaps its rows and columns.
  static func decide(windowSize: WindowSize?, replies: TerminalReplies, insideTmux: Bool)
    -> (size: PixelSize, source: CellSizeSource)
  {
    let grid = textGrid(windowSize: windowSize, replies: replies, insideTmux: insideTmux)
    if let windowSize, let grid,
      let size = cellSize(
        area: PixelSize(width: windowSize.pixelWidth, height: windowSize.pixelHeight), grid: grid)
    {
      return (size, .windowSizePixels)
    }
    if let cell = replies.cellPixels, isPlausibleCell(cell) {
      return (cell, .cellSizeReport)
    }
    if let area = replies.textAreaPixels, let grid, let size = cellSize(area: area, grid: grid) {
      return (size, .textAreaReport)
    }
    return (defaultCellSize, .assumedDefault)
  }

  /// Rows and columns of the text area, or nil when unknown.
  static func textGrid(windowSize: WindowSize?, replies: TerminalReplies, insideTmux: Bool)
    -> TextAreaCells?
  {
    if let windowSize, windowSize.rows > 0, windowSize.columns > 0 {
      return TextAreaCells(rows: windowSize.rows, columns: windowSize.columns)
    }
    if !insideTmux, let cells = replies.textAreaCells, cells.rows > 0, cells.columns > 0 {
      return cells
    }
    return nil
  }

  /// Floor-divides a pixel area by the grid when it passes timg's check (2 px per column, 4 per row).
  ///
  /// Floor division matters: xterm's pixel size includes a 2-pixel inner border on each side.
  private static func cellSize(area: PixelSize, grid: TextAreaCells) -> PixelSize? {
    guard area.width >= 2 * grid.columns, area.height >= 4 * grid.rows,
      area.width <= largestPlausiblePixels, area.height <= largestPlausiblePixels
    else { return nil }
    return PixelSize(width: area.width / grid.columns, height: area.height / grid.rows)
  }

  private static func isPlausibleCell(_ cell: PixelSize) -> Bool {
    (2...largestPlausiblePixels).contains(cell.width)
      && (4...largestPlausiblePixels).contains(cell.height)
  }
}
