/// An 8-bit grayscale raster, row by row from the top-left pixel.
public struct GrayImage: Sendable, Equatable {
  public var width: Int
  public var height: Int
  /// One byte per pixel, `width * height` of them.
  public var pixels: [UInt8]

  /// Wraps the bytes as they are; `isConsistent` tells whether the count fits the size.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// Whether `pixels` holds exactly `width * height` bytes.
  public var isConsistent: Bool {
    guard width >= 0, height >= 0 else { return false }
    let area = width.multipliedReportingOverflow(by: height)
    return !area.overflow && pixels.count == area.partialValue
  }
}
