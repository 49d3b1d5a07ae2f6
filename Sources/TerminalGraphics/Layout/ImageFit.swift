/// Where an image goes on a character grid: the pixel size to render at and the cells it covers.
public struct ImageFit: Sendable, Equatable {
  /// Pixels to resample the image to before encoding.
  public var pixelWidth: Int
  public var pixelHeight: Int
  /// Cells the image covers, counting a partly covered last column or row.
  public var columns: Int
  public var rows: Int

  public init(pixelWidth: Int, pixelHeight: Int, columns: Int, rows: Int) {
    self.pixelWidth = pixelWidth
    self.pixelHeight = pixelHeight
    self.columns = columns
    self.rows = rows
  }
}

/// Fits images into a cell area, keeping their physical proportions.
public enum ImageFitting {
  /// What it takes to show a `width` x `height` image whose pixels are `heightOverWidth` times
  /// as tall as wide, as large as fits in `columns` x `rows` cells of `cell` pixels.
  ///
  /// Pixel protocols render one image pixel per screen pixel, no larger than `maxPixels`; sixel
  /// paints whole 6-pixel bands, so its height is fitted in whole bands. Half-blocks render one
  /// pixel per cell column and two per cell row.
  public static func fit(
    width: Int, height: Int, heightOverWidth: Double,
    columns: Int, rows: Int, cell: PixelSize,
    protocol graphics: GraphicsProtocol, maxPixels: PixelSize? = nil
  ) -> ImageFit {
    let columns = max(columns, 1)
    let rows = max(rows, 1)
    let aspect = heightOverWidth.isFinite && heightOverWidth > 0 ? heightOverWidth : 1
    // Physical size in "image pixel widths".
    let physicalWidth = Double(max(width, 1))
    let physicalHeight = Double(max(height, 1)) * aspect
    let cellWidth = Double(max(cell.width, 1))
    let cellHeight = Double(max(cell.height, 1))

    if graphics == .blocks {
      let scale = min(
        Double(columns) * cellWidth / physicalWidth, Double(rows) * cellHeight / physicalHeight)
      let blockWidth = clamp((physicalWidth * scale / cellWidth).rounded(), 1, columns)
      let blockHeight = clamp((physicalHeight * scale / (cellHeight / 2)).rounded(), 1, rows * 2)
      return ImageFit(
        pixelWidth: blockWidth, pixelHeight: blockHeight, columns: blockWidth,
        rows: (blockHeight + 1) / 2)
    }

    var areaWidth = Double(columns) * cellWidth
    var areaHeight = Double(rows) * cellHeight
    if let maxPixels {
      areaWidth = min(areaWidth, Double(max(maxPixels.width, 1)))
      areaHeight = min(areaHeight, Double(max(maxPixels.height, 1)))
    }
    if graphics == .sixel { areaHeight = max((areaHeight / 6).rounded(.down) * 6, 6) }
    let scale = min(areaWidth / physicalWidth, areaHeight / physicalHeight)
    // The epsilon keeps 1019.9999 from flooring to 1019.
    let pixelWidth = clamp((physicalWidth * scale + 1e-9).rounded(.down), 1, Int(areaWidth))
    let pixelHeight = clamp((physicalHeight * scale + 1e-9).rounded(.down), 1, Int(areaHeight))
    let paintedHeight = graphics == .sixel ? (pixelHeight + 5) / 6 * 6 : pixelHeight
    return ImageFit(
      pixelWidth: pixelWidth, pixelHeight: pixelHeight,
      columns: Int((Double(pixelWidth) / cellWidth).rounded(.up)),
      rows: Int((Double(paintedHeight) / cellHeight).rounded(.up)))
  }

  private static func clamp(_ value: Double, _ low: Int, _ high: Int) -> Int {
    guard value.isFinite else { return low }
    return min(max(Int(value), low), max(high, low))
  }
}
