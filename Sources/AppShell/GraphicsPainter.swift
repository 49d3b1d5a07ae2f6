import Imaging
import TUIKit
import TerminalGraphics

/// Bytes to write at one cell: an image or a strip of one.
public struct GraphicPlacement: Sendable, Equatable {
  public var row: Int
  public var column: Int
  public var bytes: [UInt8]
}

/// Encodes viewport images for the terminal and remembers what it sent, so that the next image
/// re-sends only the cell rows that changed (a crosshair step, a growing box).
///
/// Partial updates apply to gray sixel (rows of the indexed raster are compared) and to
/// half-blocks (lines are compared); color sixel, kitty and iTerm2 images go whole.
final class GraphicsPainter {
  let geometry: CellGeometry
  let options: TerminalImageEncoder.Options
  private var lastSixel: LevelRaster?
  private var lastLines: [String]?
  private var lastOrigin: Rect?
  /// Counts what the terminal was sent; a prepared image is good only for the count it saw.
  private(set) var generation = 0

  init(geometry: CellGeometry, options: TerminalImageEncoder.Options) {
    self.geometry = geometry
    self.options = options
  }

  /// Forgets what the terminal shows (after the screen was cleared), so the next image goes whole.
  func invalidate() {
    lastSixel = nil
    lastLines = nil
    lastOrigin = nil
    generation += 1
  }

  /// What to write so that `viewport` shows `canvas`, after what the terminal shows now (no
  /// placements when it shows exactly this); `isColorFrame` picks libsixel's quantizer for color
  /// images. Not recorded as sent until `commit`: rapid mode encodes the next image while the user
  /// looks at this one.
  func prepare(_ canvas: DisplayImage, in viewport: Rect, isColorFrame: Bool) throws
    -> PreparedGraphics
  {
    let sameOrigin = lastOrigin == viewport
    switch geometry.graphics {
    case .sixel where !isColorFrame:
      return sixelPlacements(canvas, viewport: viewport, previous: sameOrigin ? lastSixel : nil)
    case .blocks:
      let lines = HalfBlockEncoder.lines(canvas, colors: options.blockColors)
      let previous = sameOrigin ? lastLines : nil
      let placements = lines.enumerated().compactMap { index, line -> GraphicPlacement? in
        if let previous, previous.indices.contains(index), previous[index] == line { return nil }
        return GraphicPlacement(
          row: viewport.row + index, column: viewport.column, bytes: Array(line.utf8))
      }
      return PreparedGraphics(
        placements: placements, sixel: nil, lines: lines, origin: viewport, base: generation)
    case .sixel, .kitty, .iterm2:
      let fit = ImageFit(
        pixelWidth: canvas.width, pixelHeight: canvas.height, columns: viewport.width,
        rows: viewport.height)
      let bytes = try TerminalImageEncoder.graphic(
        canvas, as: geometry.graphics, fit: fit, options: options)
      return PreparedGraphics(
        placements: [GraphicPlacement(row: viewport.row, column: viewport.column, bytes: bytes)],
        sixel: nil, lines: nil, origin: viewport, base: generation)
    }
  }

  /// Records a prepared image as sent.
  func commit(_ prepared: PreparedGraphics) {
    lastSixel = prepared.sixel
    lastLines = prepared.lines
    lastOrigin = prepared.origin
    generation += 1
  }

  private func sixelPlacements(_ canvas: DisplayImage, viewport: Rect, previous: LevelRaster?)
    -> PreparedGraphics
  {
    let raster: LevelRaster
    switch canvas {
    case .gray(let gray): raster = LevelRaster(gray: gray, levels: options.grayLevels)
    case .color(let rgb): raster = LevelRaster(rgb: rgb, levels: options.grayLevels)
    }
    let height = raster.raster.height
    let width = raster.raster.width
    var rows = 0..<height
    var columns = 0..<width
    if let previous {
      guard let changed = raster.changedRegion(since: previous) else {
        return PreparedGraphics(
          placements: [], sixel: raster, lines: nil, origin: viewport, base: generation)
      }
      // Whole cells: a graphic can only be placed at a cell.
      rows = cellAligned(changed.rows, cell: geometry.rowHeight, limit: height)
      columns = cellAligned(changed.columns, cell: geometry.cell.width, limit: width)
    }
    let strip =
      rows.count == height && columns.count == width
      ? raster.raster : raster.region(rows: rows, columns: columns)
    // Transparent background: a strip whose height is not a multiple of six leaves the pixels
    // below it alone.
    let bytes = SixelEncoder.encode(
      strip, palette: raster.palette,
      options: SixelEncoder.Options(transparentIndex: LevelRaster.unusedIndex))
    let placement = GraphicPlacement(
      row: viewport.row + rows.lowerBound / geometry.rowHeight,
      column: viewport.column + columns.lowerBound / geometry.cell.width, bytes: bytes)
    return PreparedGraphics(
      placements: [placement], sixel: raster, lines: nil, origin: viewport, base: generation)
  }

  /// `range` widened to whole cells of `cell` pixels, within `0..<limit`.
  private func cellAligned(_ range: Range<Int>, cell: Int, limit: Int) -> Range<Int> {
    let first = range.lowerBound / cell * cell
    let end = (range.upperBound + cell - 1) / cell * cell
    return first..<min(limit, end)
  }
}

/// An image encoded against what the terminal showed at `base`, not yet sent.
struct PreparedGraphics {
  var placements: [GraphicPlacement]
  var sixel: LevelRaster?
  var lines: [String]?
  var origin: Rect
  var base: Int
}
