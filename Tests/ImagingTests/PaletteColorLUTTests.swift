import DICOM
import Testing

@testable import Imaging

struct PaletteColorLUTTests {
  /// Packs 8-bit units into little-endian words, the way OW data arrives for an 8-bit palette.
  private func words(fromBytes bytes: [Int]) -> [UInt16] {
    let even = bytes.count.isMultiple(of: 2) ? bytes : bytes + [0]
    return stride(from: 0, to: even.count, by: 2).map {
      UInt16(even[$0]) | UInt16(even[$0 + 1]) << 8
    }
  }

  @Test func segmentedSixteenBitExpansionWorkedByHand() throws {
    let data: [UInt16] = [
      0, 3, 0, 4096, 8192,  // units 0-4: discrete 0, 4096, 8192
      1, 4, 24576,  // units 5-7: linear from 8192 to 24576 in 4 steps
      0, 1, 65535,  // units 8-10: discrete 65535
      2, 1, 10, 0,  // units 11-14: indirect, 1 segment at byte offset 10 (unit 5, the linear one)
    ]
    // The copied linear segment starts from the entry before it, now 65535:
    // 65535 - 10239.75 k = 55295.25, 45055.5 (half: to even, 45056), 34815.75, 24576.
    let expected: [UInt16] = [
      0, 4096, 8192, 12288, 16384, 20480, 24576, 65535, 55295, 45056, 34816, 24576,
    ]
    #expect(try SegmentedLUT.expand(data, bitsPerEntry: 16) == expected)
  }

  @Test func segmentedEightBitExpansionReadsBytesAndFourByteOffsets() throws {
    let units = [
      0, 2, 10, 20,  // discrete 10, 20
      1, 2, 40,  // linear to 40: 30, 40
      2, 1, 0, 0, 0, 0,  // indirect: 1 segment at byte 0 (the discrete one)
    ]
    let expanded = try SegmentedLUT.expand(words(fromBytes: units), bitsPerEntry: 8)
    #expect(expanded == [10, 20, 30, 40, 10, 20])
  }

  @Test func segmentedMatchesPydicomOnDescendingLinear() throws {
    // pydicom test_linear, negative slope.
    let data: [UInt16] = [0, 2, 0, 49152, 1, 5, 28672]
    #expect(
      try SegmentedLUT.expand(data, bitsPerEntry: 16) == [
        0, 49152, 45056, 40960, 36864, 32768, 28672,
      ])
  }

  @Test func malformedSegmentsAreErrors() {
    let cases: [[UInt16]] = [
      [1, 5, 49152],  // linear first: no previous entry
      [3, 5, 49152],  // unknown opcode
      [0, 9, 1, 2],  // discrete runs past the end
      [0, 1, 7, 2, 1, 6, 0],  // indirect points at itself (byte 6 = unit 3)
      [0, 1, 7, 2, 1, 0x1000, 0],  // indirect points past the end
      [0, 1, 7, 2, 1],  // indirect without offset
    ]
    for data in cases {
      #expect(throws: ImagingError.self) { try SegmentedLUT.expand(data, bitsPerEntry: 16) }
    }
  }

  @Test func expansionStopsAtTheLimit() {
    // Discrete of 3 then an indirect copying it, then another indirect: more than 4 entries.
    let data: [UInt16] = [0, 3, 1, 2, 3, 2, 1, 0, 0]
    #expect(throws: ImagingError.self) {
      try SegmentedLUT.expand(data, bitsPerEntry: 16, maximumCount: 4)
    }
  }

  @Test func sixteenBitEntriesKeepTheirHighByteAndIndicesClamp() throws {
    let descriptor = try LUTDescriptor([3, 10, 16])
    let palette = try PaletteColorLUT(
      red: descriptor, redData: [0x0000, 0x8000, 0xFFFF],
      green: descriptor, greenData: [0xFFFF, 0x1234, 0x0000],
      blue: descriptor, blueData: [0x00FF, 0x0100, 0x7F00])
    let frame = PixelFrame(
      rows: 1, columns: 5, samplesPerPixel: 1, photometricInterpretation: "PALETTE COLOR",
      samples: .uint8([0, 10, 11, 12, 200]))
    let image = try palette.render(frame)
    #expect(
      image.pixels == [
        0, 255, 0,  // below first mapped: entry 0
        0, 255, 0,
        128, 0x12, 1,
        255, 0, 0x7F,
        255, 0, 0x7F,  // past the end: last entry
      ])
  }

  @Test func eightBitEntriesMayBePackedOrOnePerWord() throws {
    let descriptor = try LUTDescriptor([4, 0, 8])
    let packed = try PaletteColorLUT(
      red: descriptor, redData: [0x0201, 0x0403], green: descriptor, greenData: [0x0201, 0x0403],
      blue: descriptor, blueData: [0x0201, 0x0403])
    #expect(packed.red.bytes == [1, 2, 3, 4])
    let perWord = try PaletteColorLUT(
      red: descriptor, redData: [1, 2, 3, 4], green: descriptor, greenData: [0x0100, 0xFF00, 0, 0],
      blue: descriptor, blueData: [1, 2, 3, 4])
    #expect(perWord.red.bytes == [1, 2, 3, 4])
    #expect(perWord.green.bytes == [1, 255, 0, 0])
  }

  @Test func segmentedPaletteRenders() throws {
    let descriptor = try LUTDescriptor([4, 0, 16])
    let ramp: [UInt16] = [0, 1, 0, 1, 3, 0xFF00]  // 0, then 0x5500, 0xAA00, 0xFF00
    let flat: [UInt16] = [0, 4, 0x1000, 0x1000, 0x1000, 0x1000]
    let palette = try PaletteColorLUT(
      red: descriptor, segmentedRedData: ramp, green: descriptor, segmentedGreenData: flat,
      blue: descriptor, segmentedBlueData: ramp)
    #expect(palette.red.bytes == [0, 0x55, 0xAA, 0xFF])
    #expect(palette.color(for: 2) == (0xAA, 0x10, 0xAA))
  }

  @Test func floatIndicesAreRefused() throws {
    let descriptor = try LUTDescriptor([1, 0, 8])
    let palette = try PaletteColorLUT(
      red: descriptor, redData: [1], green: descriptor, greenData: [1], blue: descriptor,
      blueData: [1])
    let frame = PixelFrame(
      rows: 1, columns: 1, samplesPerPixel: 1, photometricInterpretation: "PALETTE COLOR",
      samples: .float32([0]))
    #expect(throws: ImagingError.self) { try palette.render(frame) }
  }

  @Test func rgbPassesThroughAndSixteenBitScalesDown() throws {
    let rgb8 = PixelFrame(
      rows: 1, columns: 2, samplesPerPixel: 3, photometricInterpretation: "RGB",
      samples: .uint8([1, 2, 3, 4, 5, 6]))
    #expect(try ColorRenderer.render(rgb8).pixels == [1, 2, 3, 4, 5, 6])
    let rgb16 = PixelFrame(
      rows: 1, columns: 1, samplesPerPixel: 3, photometricInterpretation: "RGB",
      samples: .uint16([0xFFFF, 0x8000, 0x00FF]))
    #expect(try ColorRenderer.render(rgb16).pixels == [255, 128, 0])
    let rgb12 = PixelFrame(
      rows: 1, columns: 1, samplesPerPixel: 3, photometricInterpretation: "RGB",
      samples: .uint16([4095, 2048, 15]))
    #expect(try ColorRenderer.render(rgb12, bitsStored: 12).pixels == [255, 128, 0])
    let ybr = PixelFrame(
      rows: 1, columns: 1, samplesPerPixel: 3, photometricInterpretation: "YBR_FULL",
      samples: .uint8([1, 2, 3]))
    #expect(throws: ImagingError.self) { try ColorRenderer.render(ybr) }
  }
}
