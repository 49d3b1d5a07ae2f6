/// Maps 8-bit grays onto L evenly spaced sixel gray levels (2...101) and their register percents.
///
/// Sixel registers are percent, so 101 levels is the most a terminal can show; a windowed frame is
/// quantised after window/level, which keeps contrast fully adjustable.
public struct GrayQuantizer: Sendable, Equatable {
  /// The most gray levels a sixel register can tell apart (percent 0...100).
  public static let maximumLevels = 101

  /// Number of levels, clamped to 2...101.
  public let levels: Int

  /// Clamps `levels` to 2...101.
  public init(levels: Int) {
    self.levels = Swift.min(Swift.max(levels, 2), GrayQuantizer.maximumLevels)
  }

  /// The level of an 8-bit gray: round(v * (L - 1) / 255).
  public func level(of value: UInt8) -> Int {
    (Int(value) * (levels - 1) * 2 + 255) / 510
  }

  /// The register percent of a level: round(l * 100 / (L - 1)); levels outside 0..<L are clamped.
  public func percent(ofLevel level: Int) -> UInt8 {
    let step = levels - 1
    let clamped = Swift.min(Swift.max(level, 0), step)
    return UInt8((clamped * 200 + step) / (2 * step))
  }

  /// The register percent an 8-bit gray is shown with.
  public func percent(of value: UInt8) -> UInt8 {
    percent(ofLevel: level(of: value))
  }

  /// One register colour per 8-bit gray: index v of the result is the colour gray v is shown with.
  public var palette: [SixelColor] {
    (0...255).map { SixelColor.gray(Int(percent(of: UInt8($0)))) }
  }

  /// The 8-bit value xterm displays for a percent channel: (p * 65535 / 100) >> 8.
  public static func xtermDisplayedValue(percent: UInt8) -> UInt8 {
    UInt8(truncatingIfNeeded: (Int(Swift.min(percent, 100)) * 65_535 / 100) >> 8)
  }

  /// The 8-bit value xterm displays for an 8-bit gray after quantisation.
  public func xtermDisplayedValue(of value: UInt8) -> UInt8 {
    GrayQuantizer.xtermDisplayedValue(percent: percent(of: value))
  }
}
