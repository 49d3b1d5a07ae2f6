/// How many colors a terminal can show, from 24-bit RGB down to the 8 ANSI colors.
public enum ColorDepth: Sendable, Hashable, CaseIterable {
  case trueColor
  case colors256
  case colors16
  case colors8

  /// The depth for a terminal reporting `count` colors (terminfo `colors`), and whether it
  /// claims 24-bit color (`COLORTERM=truecolor`).
  public init(colorCount count: Int, trueColor: Bool = false) {
    if trueColor {
      self = .trueColor
    } else if count >= 256 {
      self = .colors256
    } else if count >= 16 {
      self = .colors16
    } else {
      self = .colors8
    }
  }
}

extension TerminalColor {
  /// The nearest color this depth can show; `default` stays `default`.
  public func reduced(to depth: ColorDepth) -> TerminalColor {
    switch (self, depth) {
    case (.default, _), (_, .trueColor): return self
    case (.indexed(let index), .colors256): return .indexed(index)
    case (.rgb(let red, let green, let blue), .colors256):
      return .indexed(Palette.nearest256(red: red, green: green, blue: blue))
    case (.indexed(let index), .colors16) where index < 16: return self
    case (.indexed(let index), .colors8) where index < 8: return self
    case (_, .colors16): return .indexed(Palette.nearest(to: rgbValue, among: 0..<16))
    case (_, .colors8):
      // Mid grays (borders, dim text) are nearest to black, which would hide them on the usual
      // black background: they take white, the only gray left.
      let nearest = Palette.nearest(to: rgbValue, among: 0..<8)
      let (red, green, blue) = rgbValue
      let luma = (Int(red) * 299 + Int(green) * 587 + Int(blue) * 114) / 1000
      return .indexed(nearest == 0 && luma >= 64 ? 7 : nearest)
    }
  }

  /// The RGB value, using xterm's default palette for indices; nil for `default`.
  public var rgbComponents: (red: UInt8, green: UInt8, blue: UInt8)? {
    switch self {
    case .default: return nil
    case .indexed(let index): return Palette.rgb(of: index)
    case .rgb(let red, let green, let blue): return (red, green, blue)
    }
  }

  private var rgbValue: (red: UInt8, green: UInt8, blue: UInt8) {
    rgbComponents ?? (0, 0, 0)
  }
}

extension Style {
  /// The same style with both colors reduced to what `depth` can show.
  public func reduced(to depth: ColorDepth) -> Style {
    var style = self
    style.foreground = foreground.reduced(to: depth)
    style.background = background.reduced(to: depth)
    return style
  }
}

/// xterm's default 256-color palette, the reference for nearest-color choices.
enum Palette {
  static let ansi: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
    (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]
  static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  static func rgb(of index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
    let value = Int(index)
    if value < 16 { return ansi[value] }
    if value >= 232 {
      let gray = UInt8(8 + 10 * (value - 232))
      return (gray, gray, gray)
    }
    let cube = value - 16
    return (
      UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6])
    )
  }

  /// The nearest of the 6x6x6 cube and the gray ramp (16...255): indices 0...15 are left out
  /// because terminals restyle them.
  static func nearest256(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
    let target = (red, green, blue)
    let levels = [red, green, blue].map { channel in
      cubeLevels.indices.min {
        abs(cubeLevels[$0] - Int(channel)) < abs(cubeLevels[$1] - Int(channel))
      }!
    }
    let cubeIndex = UInt8(16 + 36 * levels[0] + 6 * levels[1] + levels[2])
    let average = (Int(red) + Int(green) + Int(blue)) / 3
    let grayStep = min(23, max(0, (average - 3) / 10))
    let grayIndex = UInt8(232 + grayStep)
    return distance(rgb(of: grayIndex), target) < distance(rgb(of: cubeIndex), target)
      ? grayIndex : cubeIndex
  }

  /// The nearest ANSI color in `range`. Grays go to the nearest gray entry (black, white and,
  /// with 16 colors, bright black and bright white): xterm's white is far lighter than a mid
  /// gray, and plain distance would otherwise turn gray text cyan.
  static func nearest(to target: (UInt8, UInt8, UInt8), among range: Range<Int>) -> UInt8 {
    let channels = [Int(target.0), Int(target.1), Int(target.2)]
    let isGray = (channels.max() ?? 0) - (channels.min() ?? 0) < 32
    let candidates = isGray ? range.filter { [0, 7, 8, 15].contains($0) } : Array(range)
    return UInt8(
      candidates.min { distance(ansi[$0], target) < distance(ansi[$1], target) } ?? 0)
  }

  /// Squared distance weighted toward green, as the eye is (a cheap perceptual measure).
  static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
    let red = Int(a.0) - Int(b.0)
    let green = Int(a.1) - Int(b.1)
    let blue = Int(a.2) - Int(b.2)
    return 2 * red * red + 4 * green * green + 3 * blue * blue
  }
}
