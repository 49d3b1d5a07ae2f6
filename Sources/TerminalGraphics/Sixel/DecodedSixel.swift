/// The picture a sixel sequence paints: register per pixel, register colours, and which pixels
/// were painted at all.
public struct DecodedSixel: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// P2 of the DCS header: 1 means pixels never painted keep what was on screen.
  public let backgroundSelector: Int
  /// Colours the sequence defined, by register number.
  public let palette: [Int: SixelColor]
  /// Register last painted on each pixel, row by row from the top-left; 0 where nothing was painted.
  public let indices: [UInt16]
  /// Whether each pixel was painted by any sixel.
  public let painted: [Bool]

  /// Assembles a decoded picture; the decoder is the usual source.
  public init(
    width: Int, height: Int, backgroundSelector: Int, palette: [Int: SixelColor],
    indices: [UInt16], painted: [Bool]
  ) {
    self.width = width
    self.height = height
    self.backgroundSelector = backgroundSelector
    self.palette = palette
    self.indices = indices
    self.painted = painted
  }

  /// The colour shown at a pixel: nil when it was never painted, lies outside the picture, or its
  /// register was never defined by the sequence.
  public func color(x: Int, y: Int) -> SixelColor? {
    guard x >= 0, y >= 0, x < width, y < height else { return nil }
    let pixel = y * width + x
    guard painted[pixel] else { return nil }
    return palette[Int(indices[pixel])]
  }
}
