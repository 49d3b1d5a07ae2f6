import TestSupport
import Testing

@testable import TerminalGraphics

/// How segments land in passes: sparse colours before dense ones over the same columns, narrow
/// segments slotted beside others, and any number of passes decoding exactly.
struct SixelLayoutTests {
  @Test("over the same columns a sparse colour's pass comes before a dense colour's")
  func sparseBeforeDense() {
    // Register 0 (most pixels) fills rows 0-4 of 60 columns; register 1 has row 5 of the same
    // columns, a sixth as dense.
    let width = 60
    let indices = (0..<(6 * width)).map { UInt8($0 / width == 5 ? 1 : 0) }
    let raster = IndexedRaster(width: width, height: 6, indices: indices)
    let bytes = SixelEncoder.encode(raster, palette: [.gray(10), .gray(90)])
    let passes = SixelText.passes(bytes)
    #expect(passes.count == 1 && passes[0].count == 2)
    #expect(passes.first == ["#1!60_", "#0!60^"], "\(passes)")
  }

  @Test("a narrow segment that fits beside another joins its pass instead of opening one")
  func narrowSegmentJoinsPass() throws {
    // Register 0 on columns 0-39, register 2 on 40-42 (narrow), register 1 on 43-79.
    let width = 80
    let indices = (0..<(6 * width)).map { pixel -> UInt8 in
      let column = pixel % width
      return column < 40 ? 0 : (column < 43 ? 2 : 1)
    }
    let raster = IndexedRaster(width: width, height: 6, indices: indices)
    let palette: [SixelColor] = [.gray(0), .gray(100), .gray(50)]
    let bytes = SixelEncoder.encode(raster, palette: palette)
    #expect(SixelText.string(bytes).hasSuffix("#0!40~#2~~~#1!37~\u{1B}\\"))
    let report = RoundTripReport(
      decoded: try SixelDecoder.decode(bytes), raster: raster, palette: palette, transparent: nil)
    #expect(report.isExact, "\(report)")
  }

  @Test("more passes than the 64 the layout tracks still decode exactly")
  func manyPasses() throws {
    var generator = SeededGenerator(seed: 4096)
    let palette = RasterSamples.palette(count: 96, using: &generator)
    // Row r of column x has colour (x mod 16) * 6 + r: each of 96 colours returns every 16
    // columns, so 96 wide segments overlap and each needs a pass of its own.
    let width = 400
    let indices = (0..<(12 * width)).map { pixel in
      UInt8((pixel % width) % 16 * 6 + (pixel / width) % 6)
    }
    let raster = IndexedRaster(width: width, height: 12, indices: indices)
    for maxRepeat in [255, 3] {
      let bytes = SixelEncoder.encode(
        raster, palette: palette, options: SixelEncoder.Options(maxRepeat: maxRepeat))
      #expect(SixelText.passes(bytes).allSatisfy { $0.count > 64 })
      let report = RoundTripReport(
        decoded: try SixelDecoder.decode(bytes), raster: raster, palette: palette,
        transparent: nil)
      #expect(report.isExact, "max repeat \(maxRepeat): \(report)")
    }
  }

  @Test("transparent pixels stay unpainted however passes are laid out")
  func transparentUnderDontCareBits() throws {
    var generator = SeededGenerator(seed: 9)
    let palette = RasterSamples.palette(count: 6, using: &generator)
    let raster = RasterSamples.noise(width: 300, height: 17, colors: 6, using: &generator)
    let bytes = SixelEncoder.encode(
      raster, palette: palette, options: SixelEncoder.Options(transparentIndex: 2))
    let decoded = try SixelDecoder.decode(bytes)
    let report = RoundTripReport(
      decoded: decoded, raster: raster, palette: palette, transparent: 2)
    #expect(report.isExact, "\(report)")
  }
}
