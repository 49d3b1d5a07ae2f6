/// A sixel colour register value: red, green and blue in percent (0...100), as `#i;2;r;g;b` states it.
public struct SixelColor: Sendable, Hashable, CustomStringConvertible {
  public let red: UInt8
  public let green: UInt8
  public let blue: UInt8

  /// Clamps each channel to 0...100, the only values a register definition can carry.
  public init(red: Int, green: Int, blue: Int) {
    self.red = SixelColor.percent(red)
    self.green = SixelColor.percent(green)
    self.blue = SixelColor.percent(blue)
  }

  /// A gray with all three channels at `percent` (clamped to 0...100).
  public static func gray(_ percent: Int) -> SixelColor {
    SixelColor(red: percent, green: percent, blue: percent)
  }

  /// Converts a DEC HLS definition (`#i;1;h;l;s`) to RGB percent.
  ///
  /// DEC puts blue at hue 0, red at 120 and green at 240, so the hue is turned by 240 degrees
  /// before the usual HSL formula. Lightness and saturation are percent and are clamped.
  public init(hue: Int, lightness: Int, saturation: Int) {
    let turned = Double(((hue % 360) + 360 + 240) % 360)
    let light = Double(SixelColor.percent(lightness)) / 100
    let saturated = Double(SixelColor.percent(saturation)) / 100
    let chroma = (1 - abs(2 * light - 1)) * saturated
    let sector = turned / 60
    let second = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
    let base = light - chroma / 2
    let (r, g, b): (Double, Double, Double)
    switch Int(sector) {
    case 0: (r, g, b) = (chroma, second, 0)
    case 1: (r, g, b) = (second, chroma, 0)
    case 2: (r, g, b) = (0, chroma, second)
    case 3: (r, g, b) = (0, second, chroma)
    case 4: (r, g, b) = (second, 0, chroma)
    default: (r, g, b) = (chroma, 0, second)
    }
    self.init(
      red: Int(((r + base) * 100).rounded()), green: Int(((g + base) * 100).rounded()),
      blue: Int(((b + base) * 100).rounded()))
  }

  /// The 8-bit value libsixel's decoder (`sixel2png`) gives a percent channel: round(p * 255 / 100).
  public static func libsixelChannel(percent: UInt8) -> UInt8 {
    UInt8((Int(percent) * 255 + 50) / 100)
  }

  public var description: String { "\(red);\(green);\(blue)%" }

  private static func percent(_ value: Int) -> UInt8 {
    UInt8(Swift.min(Swift.max(value, 0), 100))
  }
}
