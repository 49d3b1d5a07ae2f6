import Imaging
import TestSupport
import Testing

@testable import TerminalGraphics

/// libsixel decodes our output to the same picture: every pixel exactly the 8-bit value libsixel
/// gives a register percent, round(p * 255 / 100).
struct SixelOracleTests {
  private func expectOracleAgrees(
    _ raster: IndexedRaster, palette: [SixelColor], label: String
  ) throws {
    let bytes = SixelEncoder.encode(raster, palette: palette)
    let picture = try ExternalDecoder.decode(bytes)
    #expect(picture.width == raster.width && picture.height == raster.height, "\(label) size")
    guard picture.width == raster.width, picture.height == raster.height else { return }
    var wrong = 0
    var first = ""
    for y in 0..<raster.height {
      for x in 0..<raster.width {
        let color = RoundTripReport.expectedColor(
          index: raster.indices[y * raster.width + x], palette: palette)
        let wanted = (
          SixelColor.libsixelChannel(percent: color.red),
          SixelColor.libsixelChannel(percent: color.green),
          SixelColor.libsixelChannel(percent: color.blue)
        )
        let shown = picture.pixel(x: x, y: y)
        if shown != wanted {
          if wrong == 0 { first = "(\(x),\(y)) shown \(shown), wanted \(wanted)" }
          wrong += 1
        }
      }
    }
    #expect(wrong == 0, "\(label): \(wrong) pixels differ, first \(first)")
  }

  @Test("random colour rasters decode identically in libsixel")
  func randomRasters() throws {
    var generator = SeededGenerator(seed: 2024)
    for (width, height, colors) in [
      (1, 1, 1), (1, 13, 3), (17, 5, 9), (64, 29, 256), (300, 11, 40),
    ] {
      let palette = RasterSamples.palette(count: colors, using: &generator)
      let raster = RasterSamples.noise(
        width: width, height: height, colors: colors, using: &generator)
      try expectOracleAgrees(raster, palette: palette, label: "noise \(width)x\(height)")
    }
    let palette = RasterSamples.palette(count: 7, using: &generator)
    let runs = RasterSamples.runs(
      width: 1000, height: 8, colors: 7, longestRun: 800, using: &generator)
    try expectOracleAgrees(runs, palette: palette, label: "long runs")
    let sparse = RasterSamples.sparse(
      width: 400, height: 19, colors: 7, background: 2, density: 0.01, using: &generator)
    try expectOracleAgrees(sparse, palette: palette, label: "sparse")
  }

  @Test("a 101-gray frame shows every percent 0...100 as round(p * 255 / 100) in libsixel")
  func grayFrame() throws {
    var generator = SeededGenerator(seed: 101)
    let pixels = (0..<(256 * 9)).map { index in
      index < 256 ? UInt8(index) : UInt8.random(in: 0...255, using: &generator)
    }
    let quantizer = GrayQuantizer(levels: 101)
    let image = GrayImage(width: 256, height: 9, pixels: pixels)
    let picture = try ExternalDecoder.decode(GraySixelEncoder.encode(image, levels: 101))
    #expect(picture.width == 256 && picture.height == 9)
    guard picture.width == 256, picture.height == 9 else { return }
    var wrong = 0
    for (pixel, value) in pixels.enumerated() {
      let expected = SixelColor.libsixelChannel(percent: quantizer.percent(of: value))
      if picture.pixel(x: pixel % 256, y: pixel / 256) != (expected, expected, expected) {
        wrong += 1
      }
    }
    #expect(wrong == 0)
  }

  @Test("our decoder reads img2sixel's output as libsixel's own decoder does")
  func decoderAgreesOnForeignOutput() throws {
    var generator = SeededGenerator(seed: 340)
    let (width, height) = (97, 41)
    let gray = (0..<(width * height)).map { pixel in
      let ramp = (pixel % width) * 255 / (width - 1)
      return UInt8(Swift.min(Swift.max(ramp + Int.random(in: -20...20, using: &generator), 0), 255))
    }
    let foreign = try ExternalDecoder.img2sixel(width: width, height: height, gray: gray)
    let ours = try SixelDecoder.decode(foreign)
    let theirs = try ExternalDecoder.decode(foreign)
    #expect(ours.width == theirs.width && ours.height == theirs.height)
    guard ours.width == theirs.width, ours.height == theirs.height else { return }
    var wrong = 0
    for y in 0..<ours.height {
      for x in 0..<ours.width {
        guard let color = ours.color(x: x, y: y) else {
          wrong += 1
          continue
        }
        let mine = (
          SixelColor.libsixelChannel(percent: color.red),
          SixelColor.libsixelChannel(percent: color.green),
          SixelColor.libsixelChannel(percent: color.blue)
        )
        if mine != theirs.pixel(x: x, y: y) { wrong += 1 }
      }
    }
    #expect(wrong == 0)
    #expect(ours.palette.count > 10)
  }
}
