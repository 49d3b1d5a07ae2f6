import Imaging
import Testing

@testable import TerminalGraphics

@Suite struct HalfBlockEncoderTests {
  let image = DisplayImage.gray(GrayImage(width: 2, height: 3, pixels: [0, 255, 128, 128, 10, 20]))

  @Test func truecolorPaintsUpperAsForegroundAndLowerAsBackground() {
    let lines = HalfBlockEncoder.lines(image, colors: .truecolor)
    #expect(lines.count == 2)
    #expect(
      lines[0]
        == "\u{1B}[38;2;0;0;0;48;2;128;128;128m▀\u{1B}[38;2;255;255;255;48;2;128;128;128m▀\u{1B}[0m"
    )
    // The odd last row is padded with black; equal neighbours share one SGR.
    #expect(
      lines[1] == "\u{1B}[38;2;10;10;10;48;2;0;0;0m▀\u{1B}[38;2;20;20;20;48;2;0;0;0m▀\u{1B}[0m")
  }

  @Test func repeatedCellsDoNotRepeatAttributes() {
    let flat = DisplayImage.gray(
      GrayImage(width: 4, height: 2, pixels: .init(repeating: 50, count: 8)))
    let line = HalfBlockEncoder.lines(flat, colors: .truecolor)[0]
    #expect(line == "\u{1B}[38;2;50;50;50;48;2;50;50;50m▀▀▀▀\u{1B}[0m")
  }

  @Test func palette256PicksGrayRampOrCube() {
    #expect(RGB.nearestPaletteIndex(RGB(0, 0, 0)) == 16)
    #expect(RGB.nearestPaletteIndex(RGB(255, 255, 255)) == 231)
    #expect(RGB.nearestPaletteIndex(RGB(128, 128, 128)) == 244)  // ramp 8 + 10 * 12 = 128
    #expect(RGB.nearestPaletteIndex(RGB(255, 0, 0)) == 196)
    let line = HalfBlockEncoder.lines(image, colors: .palette256)[0]
    #expect(line.hasPrefix("\u{1B}[38;5;16;48;5;244m▀"))
  }

  @Test func asciiUsesNoEscapes() {
    let lines = HalfBlockEncoder.lines(image, colors: .ascii)
    #expect(lines.allSatisfy { !$0.contains("\u{1B}") && $0.count == 2 })
    #expect(lines[0] == ":#")
  }

  @Test func colorImagesKeepTheirChannels() {
    let rgb = DisplayImage.color(RGBImage(width: 1, height: 2, pixels: [255, 0, 0, 0, 0, 255]))
    #expect(
      HalfBlockEncoder.lines(rgb, colors: .truecolor) == [
        "\u{1B}[38;2;255;0;0;48;2;0;0;255m▀\u{1B}[0m"
      ])
  }
}
