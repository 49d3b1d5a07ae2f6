import CNcursesW
import CTermShims
import TUIKit

#if canImport(Glibc)
  import Glibc
#endif

extension TerminalScreen {
  /// Paints `buffer`, sending only the cells that differ from `previous` and never a byte into
  /// its skip regions; `previous` nil (or another size) clears and repaints everything.
  ///
  /// Skip cells hold an invisible marker in both ncurses' window and its picture of the screen,
  /// so they count as unchanged and non-blank: ncurses then never clears a line across an image.
  /// A row's runs on different sides of an image go out in separate updates, because ncurses
  /// resends short unchanged stretches between two changes rather than moving the cursor.
  public func present(_ buffer: ScreenBuffer, previous: ScreenBuffer?) {
    let stdscr = UnsafeMutablePointer<WINDOW>(window)
    var rows: Int32 = 0
    var columns: Int32 = 0
    annotty_curses_max_yx(UnsafeMutableRawPointer(window), &rows, &columns)
    if Int(rows) != buffer.height || Int(columns) != buffer.width {
      resizeterm(Int32(buffer.height), Int32(buffer.width))
    }
    let repaintsAll =
      previous.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
    if repaintsAll {
      werase(stdscr)
      clearok(annotty_curses_curscr()?.assumingMemoryBound(to: WINDOW.self), true)
      let runs = ScreenDiff.changes(from: ScreenBuffer(width: 0, height: 0), to: buffer)
      runs.forEach(paint)
      wnoutrefresh(stdscr)
      doupdate()
      markSkipRegions(of: buffer)
      wnoutrefresh(stdscr)
    } else if let previous {
      markSkipRegions(of: buffer)
      let passes = Self.updatePasses(ScreenDiff.changes(from: previous, to: buffer), in: buffer)
      for runs in passes {
        runs.forEach(paint)
        wnoutrefresh(stdscr)
        doupdate()
      }
    }
    fflush(outputFile)
  }

  /// Writes an image (sixel or kitty bytes) with its top-left at a 0-based cell: ncurses' frame
  /// is flushed first, then one write of ESC 7, the cursor move, the bytes and ESC 8.
  public func writeGraphic(_ bytes: [UInt8], atRow row: Int, column: Int) {
    writeGraphics([(bytes, row, column)], trailer: [])
  }

  /// Writes several images or strips, then `trailer` (a status request), in one write after
  /// ncurses' frame is flushed; each image is wrapped as `writeGraphic` wraps it.
  public func writeGraphics(_ images: [(bytes: [UInt8], row: Int, column: Int)], trailer: [UInt8]) {
    doupdate()
    fflush(outputFile)
    var all: [UInt8] = []
    all.reserveCapacity(images.reduce(trailer.count) { $0 + $1.bytes.count + 16 })
    for image in images {
      all += GraphicWrite.chunk(image.bytes, row: image.row, column: image.column)
    }
    all += trailer
    writeFully(&all)
  }

  /// Shows the terminal cursor at a 0-based cell (the command line), or hides it.
  public func placeCursor(row: Int?, column: Int?) {
    let stdscr = UnsafeMutablePointer<WINDOW>(window)
    if let row, let column {
      leaveok(stdscr, false)
      wmove(stdscr, Int32(row), Int32(column))
      curs_set(1)
    } else {
      leaveok(stdscr, true)
      curs_set(0)
    }
    wnoutrefresh(stdscr)
    doupdate()
    fflush(outputFile)
  }

  /// Runs grouped so that within one group no row has changes on both sides of a skip region:
  /// group k holds, per row, the runs right of exactly k skip segments.
  static func updatePasses(_ runs: [ScreenRun], in buffer: ScreenBuffer) -> [[ScreenRun]] {
    var passes: [[ScreenRun]] = []
    for run in runs {
      var segments = 0
      var inSkip = false
      for column in 0..<min(run.column, buffer.width) {
        let skipped = buffer.isSkipped(column: column, row: run.row)
        if skipped && !inSkip { segments += 1 }
        inSkip = skipped
      }
      while passes.count <= segments { passes.append([]) }
      passes[segments].append(run)
    }
    return passes.filter { !$0.isEmpty }
  }

  private func paint(_ run: ScreenRun) {
    for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
      let (pair, attributes) = cursesStyle(cell.style)
      put(cell.text, row: run.row, column: run.column + offset, attributes: attributes, pair: pair)
    }
  }

  /// Puts the invisible marker into every skip cell, in stdscr and in curscr alike.
  private func markSkipRegions(of buffer: ScreenBuffer) {
    let marker: [Int32] = [0x7E]
    let attributes = UInt32(ANNOTTY_ATTR_INVISIBLE)
    for region in buffer.skipRegions {
      for row in region.row..<region.maxRow {
        for column in region.column..<region.maxColumn {
          marker.withUnsafeBufferPointer { codepoints in
            _ = annotty_put_cell(
              UnsafeMutableRawPointer(window), Int32(row), Int32(column), codepoints.baseAddress,
              1, attributes, 0)
            _ = annotty_put_known_cell(
              Int32(row), Int32(column), codepoints.baseAddress, 1, attributes, 0)
          }
        }
      }
    }
  }

  private func put(_ text: String, row: Int, column: Int, attributes: UInt32, pair: Int16) {
    var codepoints = text.unicodeScalars.map { Int32(bitPattern: $0.value) }
    if codepoints.isEmpty { codepoints = [0x20] }
    codepoints.withUnsafeBufferPointer { buffer in
      _ = annotty_put_cell(
        UnsafeMutableRawPointer(window), Int32(row), Int32(column), buffer.baseAddress,
        Int32(buffer.count), attributes, Int32(pair))
    }
  }

  private func cursesStyle(_ style: Style) -> (pair: Int16, attributes: UInt32) {
    let (pair, new) = colorPairs.pair(for: style)
    if let new { init_pair(new.pair, new.foreground, new.background) }
    var attributes: UInt32 = 0
    if style.bold { attributes |= UInt32(ANNOTTY_ATTR_BOLD) }
    if style.dim { attributes |= UInt32(ANNOTTY_ATTR_DIM) }
    if style.underline { attributes |= UInt32(ANNOTTY_ATTR_UNDERLINE) }
    if style.reverse { attributes |= UInt32(ANNOTTY_ATTR_REVERSE) }
    return (pair, attributes)
  }
}
