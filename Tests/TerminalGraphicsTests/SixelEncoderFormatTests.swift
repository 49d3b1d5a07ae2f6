import TestSupport
import Testing

@testable import TerminalGraphics

/// The bytes the encoder writes: header, registers, repeats, passes and the end of the image.
struct SixelEncoderFormatTests {
  @Test("a solid 1000-wide band is header, one definition and repeats split at 255")
  func solidBandGolden() {
    let raster = IndexedRaster(width: 1000, height: 6, indices: [UInt8](repeating: 0, count: 6000))
    let bytes = SixelEncoder.encode(raster, palette: [.gray(50)])
    #expect(
      SixelText.string(bytes)
        == "\u{1B}P0;0;0q\"1;1;1000;6#0;2;50;50;50#0!255~!255~!255~!235~\u{1B}\\")
  }

  @Test("maxRepeat bounds every repeat, of sixels and of skipped columns alike")
  func repeatsNeverExceedMaximum() {
    var generator = SeededGenerator(seed: 9)
    let raster = RasterSamples.sparse(
      width: 1500, height: 20, colors: 4, background: 0, density: 0.002, using: &generator)
    for maxRepeat in [4, 100, 255] {
      let bytes = SixelEncoder.encode(
        raster, palette: RasterSamples.palette(count: 4, using: &generator),
        options: SixelEncoder.Options(maxRepeat: maxRepeat))
      let counts = SixelText.repeatCounts(bytes)
      #expect(!counts.isEmpty)
      #expect(
        counts.allSatisfy { $0 >= 4 && $0 <= maxRepeat }, "max \(maxRepeat): \(counts.max() ?? 0)")
    }
    let unlimited = SixelEncoder.encode(
      IndexedRaster(width: 1000, height: 1, indices: [UInt8](repeating: 0, count: 1000)),
      palette: [.gray(0)], options: SixelEncoder.Options(maxRepeat: .max))
    #expect(SixelText.string(unlimited).hasSuffix("#0!1000@\u{1B}\\"))
  }

  @Test("header: P2 is 1 only with a transparent index; raster attributes give the size")
  func header() {
    let raster = IndexedRaster(width: 7, height: 13, indices: [UInt8](repeating: 1, count: 91))
    let opaque = SixelText.string(SixelEncoder.encode(raster, palette: [.gray(0), .gray(100)]))
    #expect(opaque.hasPrefix("\u{1B}P0;0;0q\"1;1;7;13#0;2;100;100;100#"))
    let transparent = SixelText.string(
      SixelEncoder.encode(
        raster, palette: [.gray(0), .gray(100)],
        options: SixelEncoder.Options(transparentIndex: 0)))
    #expect(transparent.hasPrefix("\u{1B}P0;1;0q\"1;1;7;13#"))
  }

  @Test("only used registers are defined, the most frequent colour first as #0")
  func registersByFrequency() {
    var indices = [UInt8](repeating: 3, count: 20)
    indices += [UInt8](repeating: 7, count: 10)
    indices += [UInt8](repeating: 9, count: 30)
    let raster = IndexedRaster(width: 12, height: 5, indices: indices)
    let palette = (0..<10).map { SixelColor(red: $0 * 10, green: 0, blue: 100 - $0) }
    let definitions = SixelText.definitions(SixelEncoder.encode(raster, palette: palette))
    #expect(definitions.map(\.register) == [0, 1, 2])
    #expect(
      definitions.map(\.color) == [
        SixelColorTriple(90, 0, 91), SixelColorTriple(30, 0, 97), SixelColorTriple(70, 0, 93),
      ])
  }

  @Test("colours the row sample misses are numbered after the others, without gaps")
  func unsampledColorsNumberedOnFirstUse() throws {
    // 64 rows or more are ranked on every fourth row; row 1 holds two colours no sampled row has.
    let width = 20
    var indices = [UInt8](repeating: 5, count: width * 80)
    for x in 0..<10 { indices[width + x] = 2 }
    for x in 10..<12 { indices[width + x] = 7 }
    for row in stride(from: 0, to: 80, by: 4) { indices[row * width] = 1 }
    let palette = (0..<8).map { SixelColor.gray($0 * 10) }
    let bytes = SixelEncoder.encode(
      IndexedRaster(width: width, height: 80, indices: indices), palette: palette)
    let definitions = SixelText.definitions(bytes)
    #expect(definitions.map(\.register) == [0, 1, 2, 3])
    // Sampled, by count: 5 then 1; then, in the order the bands paint them: 2, then 7.
    #expect(
      definitions.map(\.color) == [5, 1, 2, 7].map { SixelColorTriple($0 * 10, $0 * 10, $0 * 10) })
    let decoded = try SixelDecoder.decode(bytes)
    for (pixel, index) in indices.enumerated() {
      #expect(decoded.color(x: pixel % width, y: pixel / width) == palette[Int(index)])
    }
  }

  @Test("palette entries with the same percent colour share one register")
  func equalColorsMerge() {
    let raster = IndexedRaster(width: 256, height: 3, indices: (0..<768).map { UInt8($0 % 256) })
    let bytes = SixelEncoder.encode(raster, palette: RasterSamples.grays256)
    #expect(SixelText.definitions(bytes).count == 101)
    let twins = SixelEncoder.encode(
      IndexedRaster(width: 2, height: 1, indices: [0, 2]),
      palette: [.gray(40), .gray(60), .gray(40)])
    #expect(SixelText.definitions(twins).count == 1)
  }

  @Test("no pass ends in empty sixels and the image never ends with a graphics newline")
  func noTrailingEmptyData() throws {
    var generator = SeededGenerator(seed: 31)
    for height in [5, 6, 12, 13, 40] {
      let palette = RasterSamples.palette(count: 8, using: &generator)
      let raster = RasterSamples.sparse(
        width: 300, height: height, colors: 8, background: 0, density: 0.05, using: &generator)
      let bytes = SixelEncoder.encode(raster, palette: palette)
      let text = SixelText.string(bytes)
      #expect(!text.hasSuffix("-\u{1B}\\"))
      for band in SixelText.passes(bytes) {
        for pass in band {
          #expect(!pass.hasSuffix("?"), "pass ends with an empty sixel: …\(pass.suffix(20))")
        }
      }
    }
  }

  @Test("transparent rows at the bottom cost no bands and no trailing newline")
  func transparentBottomRows() throws {
    var indices = [UInt8](repeating: 1, count: 10 * 7)
    indices += [UInt8](repeating: 0, count: 10 * 20)
    let raster = IndexedRaster(width: 10, height: 27, indices: indices)
    let bytes = SixelEncoder.encode(
      raster, palette: [.gray(0), .gray(100)], options: SixelEncoder.Options(transparentIndex: 0))
    let text = SixelText.string(bytes)
    #expect(text.hasSuffix("#0!10~-!10@\u{1B}\\"), "\(text)")
    let decoded = try SixelDecoder.decode(bytes)
    #expect(decoded.height == 27)
    #expect(decoded.painted.filter { $0 }.count == 70)
  }

  @Test("a pass may set bits that a later pass repaints, which makes runs")
  func dontCareBits() throws {
    // Row 5 alternates register 1 and register 0 along 60 columns; rows 0-4 are register 0.
    // Register 1 is sparse, so its pass comes first, and there every other bit of its columns is
    // repainted later: one run where exact painting would alternate `_?_?`.
    let width = 60
    let indices = (0..<(6 * width)).map { pixel -> UInt8 in
      pixel / width == 5 && pixel % 2 == 0 ? 1 : 0
    }
    let raster = IndexedRaster(width: width, height: 6, indices: indices)
    let palette: [SixelColor] = [.gray(0), .gray(100)]
    let bytes = SixelEncoder.encode(raster, palette: palette)
    let text = SixelText.string(bytes)
    let lastPass = String(repeating: "^~", count: 30)
    #expect(text.hasSuffix("#1!59_$#0\(lastPass)\u{1B}\\"), "\(text)")
    let report = RoundTripReport(
      decoded: try SixelDecoder.decode(bytes), raster: raster, palette: palette, transparent: nil)
    #expect(report.isExact, "\(report)")
  }
}
