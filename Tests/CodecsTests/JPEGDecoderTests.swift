import Codecs
import DICOM
import Testing

@Suite struct JPEGDecoderTests {
  @Test func baselineGrayMatchesSourceWithinOne() throws {
    let source = try Fixture.pnm("gray8.pgm")
    let decoded = try JPEGBaselineDecoder().decode(
      try Fixture.bytes("gray8_baseline.jpg"), as: source.description(bitsStored: 8))
    #expect(decoded.precision == 8)
    #expect(decoded.samplesPerPixel == 1)
    #expect(decoded.bytesPerSample == 1)
    #expect(!decoded.isSigned)
    #expect(decoded.convertedToRGB == nil)
    #expect(maximumDifference(decoded.integers, source.samples) <= 1)
  }

  @Test func baselineYCbCrIsConvertedToRGBAsDjpegDoes() throws {
    let source = try Fixture.pnm("rgb8.ppm")
    let reference = try Fixture.pnm("rgb8_baseline_ycbcr.djpeg.ppm")
    let decoded = try JPEGBaselineDecoder().decode(
      try Fixture.bytes("rgb8_baseline_ycbcr.jpg"),
      as: source.description(bitsStored: 8, photometric: "YBR_FULL_422"))
    #expect(decoded.convertedToRGB == true)
    #expect(decoded.samplesPerPixel == 3)
    #expect(decoded.integers == reference.samples)
    // 8-bit YCbCr rounding alone moves samples by up to 3.
    #expect(maximumDifference(decoded.integers, source.samples) <= 3)
  }

  @Test func baselineAdobeRGBIsNotConverted() throws {
    let source = try Fixture.pnm("rgb8.ppm")
    let decoded = try JPEGBaselineDecoder().decode(
      try Fixture.bytes("rgb8_baseline_rgb.jpg"), as: source.description(bitsStored: 8))
    #expect(decoded.convertedToRGB == false)
    #expect(maximumDifference(decoded.integers, source.samples) <= 1)
  }

  /// Without JFIF or Adobe markers the stream is silent about colour: the data set decides.
  @Test(arguments: [("RGB", false), ("YBR_FULL", true)])
  func unmarkedColorFollowsPhotometricInterpretation(photometric: String, converts: Bool)
    throws
  {
    let source = try Fixture.pnm("rgb8.ppm")
    let stream = try Self.removingJFIF(from: Fixture.bytes("rgb8_baseline_ycbcr.jpg"))
    let decoded = try JPEGBaselineDecoder().decode(
      stream, as: source.description(bitsStored: 8, photometric: photometric))
    #expect(decoded.convertedToRGB == converts)
    let reference = try Fixture.pnm("rgb8_baseline_ycbcr.djpeg.ppm")
    #expect((decoded.integers == reference.samples) == converts)
  }

  @Test func extendedTwelveBitMatchesSourceWithinOne() throws {
    let source = try Fixture.pnm("gray12.pgm")
    let decoded = try JPEGExtendedDecoder().decode(
      try Fixture.bytes("gray12_extended.jpg"), as: source.description(bitsStored: 12))
    #expect(decoded.precision == 12)
    #expect(decoded.bytesPerSample == 2)
    #expect(!decoded.isSigned)
    #expect(maximumDifference(decoded.integers, source.samples) <= 1)
  }

  @Test func extendedDecodesEightBitStreamsToo() throws {
    let source = try Fixture.pnm("gray8.pgm")
    let decoded = try JPEGExtendedDecoder().decode(
      try Fixture.bytes("gray8_baseline.jpg"), as: source.description(bitsStored: 8))
    #expect(decoded.precision == 8)
    #expect(decoded.bytesPerSample == 1)
    #expect(maximumDifference(decoded.integers, source.samples) <= 1)
  }

  @Test func losslessStreamIsRefusedWithAHint() throws {
    // A minimal SOF3 header: enough for the router to see the process.
    let stream: [UInt8] = [
      0xFF, 0xD8, 0xFF, 0xC3, 0x00, 0x0B, 0x10, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    ]
    let description = FrameDescription(
      rows: 1, columns: 1, samplesPerPixel: 1, bitsAllocated: 16, bitsStored: 16,
      pixelRepresentation: 0, photometricInterpretation: "MONOCHROME2", planarConfiguration: 0)
    let error = #expect(throws: CodecError.self) {
      try JPEGExtendedDecoder().decode(stream, as: description)
    }
    #expect(error?.message.contains("JPEG Lossless") == true)
  }

  private static func removingJFIF(from stream: [UInt8]) throws -> [UInt8] {
    guard stream.count > 6, stream[2] == 0xFF, stream[3] == 0xE0 else {
      throw FixtureError("expected a JFIF APP0 segment right after SOI")
    }
    let length = Int(stream[4]) << 8 | Int(stream[5])
    return Array(stream[0..<2]) + Array(stream[(4 + length)...])
  }
}
