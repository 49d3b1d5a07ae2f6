import Codecs
import DICOM
import Testing

@Suite struct JPEG2000DecoderTests {
  @Test(arguments: ["gray12_lossless.j2k", "gray12_htj2k.j2c"])
  func twelveBitGrayIsExact(fixture: String) throws {
    let source = try Fixture.pnm("gray12.pgm")
    let decoded = try JPEG2000Decoder().decode(
      try Fixture.bytes(fixture), as: source.description(bitsStored: 12))
    #expect(decoded.precision == 12)
    #expect(decoded.bytesPerSample == 2)
    #expect(!decoded.isSigned)
    #expect(decoded.convertedToRGB == nil)
    #expect(decoded.integers == source.samples)
  }

  @Test func signedSixteenBitIsExactAndReportedSigned() throws {
    let source = try Fixture.signed16()
    let decoded = try JPEG2000Decoder().decode(
      try Fixture.bytes("signed16_lossless.j2k"),
      as: source.description(bitsStored: 16, signed: true))
    #expect(decoded.precision == 16)
    #expect(decoded.isSigned)
    #expect(decoded.integers == source.samples)
    #expect(decoded.integers.min() == -30000)
  }

  @Test(arguments: ["rgb8_lossless_rct.j2k", "rgb8_htj2k.j2c"])
  func colorWithTransformIsExactAndReportedConverted(fixture: String) throws {
    let source = try Fixture.pnm("rgb8.ppm")
    let decoded = try JPEG2000Decoder().decode(
      try Fixture.bytes(fixture), as: source.description(bitsStored: 8, photometric: "YBR_RCT"))
    #expect(decoded.samplesPerPixel == 3)
    #expect(decoded.precision == 8)
    #expect(decoded.bytesPerSample == 1)
    #expect(decoded.convertedToRGB == true)
    #expect(decoded.integers == source.samples)
  }

  @Test func jp2WrappedCodestreamIsDetected() throws {
    let source = try Fixture.pnm("rgb8.ppm")
    let decoded = try JPEG2000Decoder().decode(
      try Fixture.bytes("rgb8_lossless_nomct.jp2"), as: source.description(bitsStored: 8))
    #expect(decoded.convertedToRGB == false)
    #expect(decoded.integers == source.samples)
  }
}
