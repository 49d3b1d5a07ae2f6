import Imaging
import TestSupport
import Testing

@testable import TerminalGraphics

/// Gray frames: quantisation to L levels, register percents, and what xterm will show.
struct GraySixelEncoderTests {
  /// A frame holding every 8-bit value at least once, then noise.
  private func allGrays(width: Int, height: Int, seed: UInt64) -> GrayImage {
    var generator = SeededGenerator(seed: seed)
    let pixels = (0..<(width * height)).map { index in
      index < 256 ? UInt8(index) : UInt8.random(in: 0...255, using: &generator)
    }
    return GrayImage(width: width, height: height, pixels: pixels)
  }

  @Test("every pixel decodes to the percent of its quantised level", arguments: [2, 32, 64, 101])
  func decodesToQuantisedLevels(levels: Int) throws {
    let quantizer = GrayQuantizer(levels: levels)
    let image = allGrays(width: 67, height: 23, seed: UInt64(levels))
    let bytes = GraySixelEncoder.encode(image, levels: levels)
    let decoded = try SixelDecoder.decode(bytes)
    #expect(decoded.width == 67 && decoded.height == 23)
    var wrong = 0
    for (pixel, value) in image.pixels.enumerated() {
      let shown = decoded.color(x: pixel % 67, y: pixel / 67)
      if shown != .gray(Int(quantizer.percent(of: value))) { wrong += 1 }
    }
    #expect(wrong == 0)
    // One register per level: all 256 values are present, so every level is used.
    #expect(SixelText.definitions(bytes).count == levels)
    #expect(Set(decoded.palette.values).count == levels)
  }

  @Test("header and raster attributes are exact and the image ends without a newline")
  func headerAndEnd() {
    let image = allGrays(width: 31, height: 17, seed: 3)
    for levels in [2, 32, 64, 101] {
      let text = SixelText.string(GraySixelEncoder.encode(image, levels: levels))
      #expect(text.hasPrefix("\u{1B}P0;0;0q\"1;1;31;17#0;2;"))
      #expect(text.hasSuffix("\u{1B}\\"))
      #expect(!text.hasSuffix("-\u{1B}\\"))
    }
  }

  @Test("quantiser formulas: round(v(L-1)/255) and round(l*100/(L-1))")
  func quantiserFormulas() {
    for levels in [2, 3, 16, 32, 64, 100, 101] {
      let quantizer = GrayQuantizer(levels: levels)
      for value in 0...255 {
        let exactLevel = Double(value) * Double(levels - 1) / 255
        #expect(quantizer.level(of: UInt8(value)) == Int((exactLevel + 0.5).rounded(.down)))
      }
      for level in 0..<levels {
        let exactPercent = Double(level) * 100 / Double(levels - 1)
        #expect(Int(quantizer.percent(ofLevel: level)) == Int((exactPercent + 0.5).rounded(.down)))
      }
      #expect(quantizer.percent(of: 0) == 0 && quantizer.percent(of: 255) == 100)
      #expect(Set(quantizer.palette).count == levels)
    }
    #expect(GrayQuantizer(levels: 1).levels == 2)
    #expect(GrayQuantizer(levels: 500).levels == 101)
  }

  @Test("xterm shows percent p as (p * 65535 / 100) >> 8")
  func xtermDisplayedValues() {
    #expect(GrayQuantizer.xtermDisplayedValue(percent: 0) == 0)
    #expect(GrayQuantizer.xtermDisplayedValue(percent: 50) == 127)
    #expect(GrayQuantizer.xtermDisplayedValue(percent: 100) == 255)
    let shown = (0...100).map { GrayQuantizer.xtermDisplayedValue(percent: UInt8($0)) }
    #expect(Set(shown).count == 101)
    #expect(GrayQuantizer(levels: 101).xtermDisplayedValue(of: 128) == 127)
  }

  @Test("a flat frame is one definition and one run per band")
  func flatFrame() {
    let image = GrayImage(width: 40, height: 12, pixels: [UInt8](repeating: 200, count: 480))
    let text = SixelText.string(GraySixelEncoder.encode(image, levels: 101))
    #expect(text == "\u{1B}P0;0;0q\"1;1;40;12#0;2;78;78;78#0!40~-!40~\u{1B}\\")
  }
}
