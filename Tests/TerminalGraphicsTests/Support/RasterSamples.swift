import TerminalGraphics
import TestSupport

/// Raster shapes that exercise different encoder paths: noise, long runs, sparse colours.
enum RasterSamples {
  /// Every pixel an independent index in `0..<colors`.
  static func noise(
    width: Int, height: Int, colors: Int, using generator: inout SeededGenerator
  ) -> IndexedRaster {
    let indices = (0..<(width * height)).map { _ in
      UInt8(Int.random(in: 0..<colors, using: &generator))
    }
    return IndexedRaster(width: width, height: height, indices: indices)
  }

  /// Horizontal runs of random length (up to `longestRun`) and colour, row by row.
  static func runs(
    width: Int, height: Int, colors: Int, longestRun: Int, using generator: inout SeededGenerator
  ) -> IndexedRaster {
    var indices: [UInt8] = []
    indices.reserveCapacity(width * height)
    while indices.count < width * height {
      let color = UInt8(Int.random(in: 0..<colors, using: &generator))
      let length = Int.random(in: 1...longestRun, using: &generator)
      indices += repeatElement(color, count: Swift.min(length, width * height - indices.count))
    }
    return IndexedRaster(width: width, height: height, indices: indices)
  }

  /// Mostly `background`, with a few pixels of other colours far apart.
  static func sparse(
    width: Int, height: Int, colors: Int, background: UInt8, density: Double,
    using generator: inout SeededGenerator
  ) -> IndexedRaster {
    let indices = (0..<(width * height)).map { _ -> UInt8 in
      Double.random(in: 0..<1, using: &generator) < density
        ? UInt8(Int.random(in: 0..<colors, using: &generator)) : background
    }
    return IndexedRaster(width: width, height: height, indices: indices)
  }

  /// `count` random register colours; duplicates are likely when `count` is large.
  static func palette(count: Int, using generator: inout SeededGenerator) -> [SixelColor] {
    (0..<count).map { _ in
      SixelColor(
        red: Int.random(in: 0...100, using: &generator),
        green: Int.random(in: 0...100, using: &generator),
        blue: Int.random(in: 0...100, using: &generator))
    }
  }

  /// 256 grays spaced over 0...100 percent, so neighbouring entries share a percent.
  static let grays256: [SixelColor] = (0..<256).map { SixelColor.gray(($0 * 100 + 127) / 255) }
}
