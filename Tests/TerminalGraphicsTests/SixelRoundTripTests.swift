import TestSupport
import Testing

@testable import TerminalGraphics

/// decode(encode(x)) == x: every pixel shows its palette colour after a trip through the encoder.
struct SixelRoundTripTests {
  private func roundTrip(
    _ raster: IndexedRaster, palette: [SixelColor],
    options: SixelEncoder.Options = SixelEncoder.Options()
  ) throws -> RoundTripReport {
    let bytes = SixelEncoder.encode(raster, palette: palette, options: options)
    let decoded = try SixelDecoder.decode(bytes)
    return RoundTripReport(
      decoded: decoded, raster: raster, palette: palette, transparent: options.transparentIndex)
  }

  @Test("noise at every height 1...13 and narrow widths round-trips", arguments: 1...13)
  func noiseAtEveryHeight(height: Int) throws {
    var generator = SeededGenerator(seed: UInt64(height))
    for width in [1, 2, 7, 33] {
      for colors in [1, 2, 5, 40] {
        let palette = RasterSamples.palette(count: colors, using: &generator)
        let raster = RasterSamples.noise(
          width: width, height: height, colors: colors, using: &generator)
        let report = try roundTrip(raster, palette: palette)
        #expect(report.isExact, "\(width)x\(height), \(colors) colours: \(report)")
      }
    }
  }

  @Test("blocks of one value beside noise and transparent blocks round-trip", arguments: 1...13)
  func uniformBlocks(height: Int) throws {
    // Flat regions are painted eight columns at a time: blocks of every width and alignment,
    // the same colour again after gaps wider and narrower than a segment's, at every band height.
    var generator = SeededGenerator(seed: 600 + UInt64(height))
    let palette = RasterSamples.palette(count: 6, using: &generator)
    let width = 203
    var indices = [UInt8](repeating: 0, count: width * height)
    for bandTop in stride(from: 0, to: height, by: 6) {
      var x = 0
      while x < width {
        let length = Int.random(in: 1...40, using: &generator)
        let kind = Int.random(in: 0..<4, using: &generator)
        let value = UInt8.random(in: 0..<6, using: &generator)
        for column in x..<min(x + length, width) {
          for row in bandTop..<min(bandTop + 6, height) {
            indices[row * width + column] =
              kind == 0 ? UInt8.random(in: 0..<6, using: &generator) : kind == 1 ? 5 : value
          }
        }
        x += length
      }
    }
    let raster = IndexedRaster(width: width, height: height, indices: indices)
    for transparent: UInt8? in [nil, 5] {
      let report = try roundTrip(
        raster, palette: palette, options: SixelEncoder.Options(transparentIndex: transparent))
      #expect(
        report.isExact,
        "height \(height), transparent \(String(describing: transparent)): \(report)")
    }
  }

  @Test("runs longer than 255 round-trip, solid and mixed, at width 1000")
  func longRuns() throws {
    var generator = SeededGenerator(seed: 1000)
    let palette = RasterSamples.palette(count: 6, using: &generator)
    let solid = IndexedRaster(
      width: 1000, height: 9, indices: [UInt8](repeating: 3, count: 9000))
    let mixed = RasterSamples.runs(
      width: 1000, height: 14, colors: 6, longestRun: 900, using: &generator)
    for raster in [solid, mixed] {
      for maxRepeat in [255, 1, 3, 4, 1_000_000, 0, -5] {
        let report = try roundTrip(
          raster, palette: palette, options: SixelEncoder.Options(maxRepeat: maxRepeat))
        #expect(report.isExact, "max repeat \(maxRepeat): \(report)")
      }
    }
  }

  @Test("up to 256 colours, with duplicate palette colours merged, round-trip")
  func manyColors() throws {
    var generator = SeededGenerator(seed: 256)
    for colors in [17, 101, 200, 256] {
      let palette = RasterSamples.palette(count: colors, using: &generator)
      let noise = RasterSamples.noise(width: 97, height: 31, colors: colors, using: &generator)
      let runs = RasterSamples.runs(
        width: 120, height: 25, colors: colors, longestRun: 40, using: &generator)
      for raster in [noise, runs] {
        let report = try roundTrip(raster, palette: palette)
        #expect(report.isExact, "\(colors) colours: \(report)")
      }
    }
    let grays = RasterSamples.noise(width: 64, height: 64, colors: 256, using: &generator)
    let report = try roundTrip(grays, palette: RasterSamples.grays256)
    #expect(report.isExact, "256 grays: \(report)")
  }

  @Test("sparse colours with wide gaps round-trip", arguments: [0.001, 0.01, 0.05, 0.2])
  func sparseColors(density: Double) throws {
    var generator = SeededGenerator(seed: UInt64(density * 10_000))
    let palette = RasterSamples.palette(count: 30, using: &generator)
    for (width, height) in [(300, 20), (1000, 7), (45, 45)] {
      let raster = RasterSamples.sparse(
        width: width, height: height, colors: 30, background: 0, density: density,
        using: &generator)
      let report = try roundTrip(raster, palette: palette)
      #expect(report.isExact, "\(width)x\(height): \(report)")
    }
  }

  @Test("a transparent index is never painted and every other pixel is", arguments: [0, 1, 4])
  func transparency(transparent: UInt8) throws {
    var generator = SeededGenerator(seed: 77 + UInt64(transparent))
    let palette = RasterSamples.palette(count: 5, using: &generator)
    let options = SixelEncoder.Options(transparentIndex: transparent)
    let samples = [
      RasterSamples.noise(width: 50, height: 17, colors: 5, using: &generator),
      RasterSamples.runs(width: 400, height: 13, colors: 5, longestRun: 300, using: &generator),
      RasterSamples.sparse(
        width: 200, height: 11, colors: 5, background: transparent, density: 0.02,
        using: &generator),
      IndexedRaster(width: 20, height: 20, indices: [UInt8](repeating: transparent, count: 400)),
    ]
    for raster in samples {
      let bytes = SixelEncoder.encode(raster, palette: palette, options: options)
      let decoded = try SixelDecoder.decode(bytes)
      #expect(decoded.backgroundSelector == 1)
      let report = RoundTripReport(
        decoded: decoded, raster: raster, palette: palette, transparent: transparent)
      #expect(report.isExact, "\(raster.width)x\(raster.height): \(report)")
    }
  }

  @Test("indices past the palette take its last colour; an empty palette paints black")
  func outOfRangeIndices() throws {
    var generator = SeededGenerator(seed: 5)
    let raster = RasterSamples.noise(width: 23, height: 8, colors: 12, using: &generator)
    let short = RasterSamples.palette(count: 4, using: &generator)
    let report = try roundTrip(raster, palette: short)
    #expect(report.isExact, "\(report)")
    let empty = try roundTrip(raster, palette: [])
    #expect(empty.isExact, "\(empty)")
  }

  @Test("rows missing from the index array, and columns past the maximum side, are left out")
  func inconsistentRaster() throws {
    let raster = IndexedRaster(width: 10, height: 5, indices: [UInt8](repeating: 1, count: 37))
    let decoded = try SixelDecoder.decode(
      SixelEncoder.encode(raster, palette: [.gray(0), .gray(100)]))
    #expect(decoded.width == 10)
    #expect(decoded.height == 3)
    #expect(decoded.painted.allSatisfy { $0 })
    let wide = IndexedRaster(
      width: 20_000, height: 2, indices: (0..<40_000).map { UInt8($0 % 20_000 < 16_384 ? 1 : 2) })
    let clipped = try SixelDecoder.decode(
      SixelEncoder.encode(wide, palette: [.gray(0), .gray(50), .gray(100)]))
    #expect(clipped.width == SixelEncoder.maximumSide && clipped.height == 2)
    #expect(Set(clipped.palette.values) == [.gray(50)])
    let negative = IndexedRaster(width: -3, height: 4, indices: [1, 2])
    let empty = try SixelDecoder.decode(SixelEncoder.encode(negative, palette: []))
    #expect(empty.width == 0)
  }
}
