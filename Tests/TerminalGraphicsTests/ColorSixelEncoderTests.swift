import Imaging
import Testing

@testable import TerminalGraphics

@Suite struct ColorSixelEncoderTests {
  /// Eight flat color blocks: few enough colors that libsixel's quantizer keeps each one.
  private let blocks: RGBImage = {
    let colors: [[UInt8]] = [
      [255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0],
      [0, 255, 255], [255, 0, 255], [255, 255, 255], [0, 0, 0],
    ]
    var pixels: [UInt8] = []
    for y in 0..<13 {
      for x in 0..<40 { pixels += colors[(x / 10) + (y < 7 ? 0 : 4)] }
    }
    return RGBImage(width: 40, height: 13, pixels: pixels)
  }()

  @Test func decodesBackToTheSameColorsWithinLibsixelPrecision() throws {
    let sixel = try ColorSixelEncoder.encode(blocks)
    let decoded = try SixelDecoder.decode(sixel)
    #expect(decoded.width == 40 && decoded.height == 13)
    for y in 0..<13 {
      for x in 0..<40 {
        let color = try #require(decoded.color(x: x, y: y))
        let base = (y * 40 + x) * 3
        let expected = blocks.pixels[base..<base + 3].map { Int($0) * 100 / 255 }
        let got = [Int(color.red), Int(color.green), Int(color.blue)]
        // libsixel's histogram keeps 5 bits per channel: 255 comes back as 248 (97%).
        #expect(zip(got, expected).allSatisfy { abs($0 - $1) <= 4 }, "pixel \(x),\(y): \(got)")
      }
    }
  }

  @Test func emptyImagesAreRefused() {
    #expect(throws: ColorSixelEncoder.Failure.self) {
      try ColorSixelEncoder.encode(RGBImage(width: 0, height: 0, pixels: []))
    }
    #expect(throws: ColorSixelEncoder.Failure.self) {
      try ColorSixelEncoder.encode(RGBImage(width: 2, height: 2, pixels: [1, 2, 3]))
    }
  }
}
