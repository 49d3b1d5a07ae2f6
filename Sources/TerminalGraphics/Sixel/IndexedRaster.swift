/// A palette-indexed raster, one byte per pixel, row by row from the top-left pixel.
public struct IndexedRaster: Sendable, Equatable {
  public var width: Int
  public var height: Int
  /// Palette indices, `width * height` of them.
  public var indices: [UInt8]

  /// Wraps the indices as they are; `isConsistent` tells whether the count fits the size.
  public init(width: Int, height: Int, indices: [UInt8]) {
    self.width = width
    self.height = height
    self.indices = indices
  }

  /// Whether `indices` holds exactly `width * height` entries.
  public var isConsistent: Bool {
    guard width >= 0, height >= 0 else { return false }
    let area = width.multipliedReportingOverflow(by: height)
    return !area.overflow && indices.count == area.partialValue
  }

  /// The rows that `indices` holds completely: what an encoder can draw without reading past the end.
  var completeRows: Int {
    guard width > 0, height > 0 else { return 0 }
    return Swift.min(height, indices.count / width)
  }
}
