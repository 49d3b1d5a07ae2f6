import Imaging

/// Text that shows an image with two pixels per cell: `▀` painted with the upper pixel as
/// foreground and the lower as background. Works in any terminal, tmux and mosh included.
public enum HalfBlockEncoder {
  /// One line per cell row, each ending in an attribute reset; `image` is `columns` pixels wide
  /// and `2 * rows` tall (an odd last row is padded with black).
  public static func lines(_ image: DisplayImage, colors: BlockColorMode) -> [String] {
    let width = image.width
    let height = image.height
    guard width > 0, height > 0 else { return [] }
    let pixel: (Int, Int) -> RGB
    switch image {
    case .gray(let gray):
      pixel = { x, y in
        guard y < height else { return RGB(0, 0, 0) }
        let value = gray.pixels[y * width + x]
        return RGB(value, value, value)
      }
    case .color(let color):
      pixel = { x, y in
        guard y < height else { return RGB(0, 0, 0) }
        let base = (y * width + x) * 3
        return RGB(color.pixels[base], color.pixels[base + 1], color.pixels[base + 2])
      }
    }
    var lines: [String] = []
    for top in stride(from: 0, to: height, by: 2) {
      var line = ""
      var painted: (RGB, RGB)?
      for x in 0..<width {
        let upper = pixel(x, top)
        let lower = pixel(x, top + 1)
        switch colors {
        case .ascii:
          line.append(asciiRamp(upper, lower))
        case .truecolor, .palette256:
          let cell = colors == .truecolor ? (upper, lower) : (upper.palette256, lower.palette256)
          if painted.map({ $0 != cell }) ?? true {
            line += sgr(cell, colors)
            painted = cell
          }
          line.append("\u{2580}")
        }
      }
      if colors != .ascii { line += "\u{1B}[0m" }
      lines.append(line)
    }
    return lines
  }

  private static func sgr(_ cell: (RGB, RGB), _ colors: BlockColorMode) -> String {
    if colors == .truecolor {
      let (u, l) = cell
      return "\u{1B}[38;2;\(u.r);\(u.g);\(u.b);48;2;\(l.r);\(l.g);\(l.b)m"
    }
    return "\u{1B}[38;5;\(cell.0.r);48;5;\(cell.1.r)m"
  }

  /// Ten steps from dark to light, for terminals without color (or with `NO_COLOR`).
  private static let ramp = Array(" .:-=+*#%@")

  private static func asciiRamp(_ upper: RGB, _ lower: RGB) -> Character {
    let luma = (upper.luma + lower.luma) / 2
    return ramp[min(luma * ramp.count / 256, ramp.count - 1)]
  }
}

/// An 8-bit RGB triple; `palette256` stores the xterm 256-color index in `r`.
struct RGB: Equatable {
  var r: UInt8
  var g: UInt8
  var b: UInt8

  init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
    self.r = r
    self.g = g
    self.b = b
  }

  var luma: Int { (Int(r) * 299 + Int(g) * 587 + Int(b) * 114) / 1000 }

  /// The nearest color of the xterm 256-color palette (6x6x6 cube or 24-step gray ramp),
  /// encoded as `RGB(index, index, index)` so equal cells compare equal.
  var palette256: RGB {
    let index = Self.nearestPaletteIndex(self)
    return RGB(index, index, index)
  }

  private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  static func nearestPaletteIndex(_ color: RGB) -> UInt8 {
    func nearestCube(_ value: UInt8) -> Int {
      cubeLevels.indices.min { abs(cubeLevels[$0] - Int(value)) < abs(cubeLevels[$1] - Int(value)) }
        ?? 0
    }
    let (ri, gi, bi) = (nearestCube(color.r), nearestCube(color.g), nearestCube(color.b))
    let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
    let mean = (Int(color.r) + Int(color.g) + Int(color.b)) / 3
    let grayStep = min(max((mean - 8 + 5) / 10, 0), 23)
    let gray = 8 + 10 * grayStep
    func distance(_ other: (Int, Int, Int)) -> Int {
      let dr = Int(color.r) - other.0
      let dg = Int(color.g) - other.1
      let db = Int(color.b) - other.2
      return dr * dr + dg * dg + db * db
    }
    if distance((gray, gray, gray)) < distance(cube) { return UInt8(232 + grayStep) }
    return UInt8(16 + 36 * ri + 6 * gi + bi)
  }
}
