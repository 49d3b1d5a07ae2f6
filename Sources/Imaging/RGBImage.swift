/// An 8-bit RGB raster, interleaved R G B per pixel, row by row from the top-left pixel.
public struct RGBImage: Sendable, Equatable {
  public var width: Int
  public var height: Int
  /// Three bytes per pixel, `width * height * 3` of them.
  public var pixels: [UInt8]

  /// Wraps the bytes as they are; `isConsistent` tells whether the count fits the size.
  public init(width: Int, height: Int, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// Whether `pixels` holds exactly `width * height * 3` bytes.
  public var isConsistent: Bool {
    guard width >= 0, height >= 0 else { return false }
    let area = width.multipliedReportingOverflow(by: height)
    let bytes = area.partialValue.multipliedReportingOverflow(by: 3)
    return !area.overflow && !bytes.overflow && pixels.count == bytes.partialValue
  }
}
