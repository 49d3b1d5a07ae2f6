import Codecs
import DICOM
import Testing

@Suite struct JPEGLSDecoderTests {
  @Test func sixteenBitGrayIsExact() throws {
    let source = try Fixture.pnm("gray16.pgm")
    let decoded = try JPEGLSDecoder().decode(
      try Fixture.bytes("gray16_lossless.jls"), as: source.description(bitsStored: 16))
    #expect(decoded.precision == 16)
    #expect(decoded.bytesPerSample == 2)
    #expect(!decoded.isSigned)
    #expect(decoded.integers == source.samples)
  }

  /// ILV_NONE comes out of CharLS as planes; ILV_SAMPLE already interleaved. Both must match.
  @Test(arguments: ["rgb8_lossless_ilv_none.jls", "rgb8_lossless_ilv_sample.jls"])
  func colorIsInterleavedAndExact(fixture: String) throws {
    let source = try Fixture.pnm("rgb8.ppm")
    let decoded = try JPEGLSDecoder().decode(
      try Fixture.bytes(fixture), as: source.description(bitsStored: 8))
    #expect(decoded.samplesPerPixel == 3)
    #expect(decoded.precision == 8)
    #expect(decoded.convertedToRGB == nil)
    #expect(decoded.integers == source.samples)
  }

  @Test func nearLosslessStaysWithinItsDeviation() throws {
    let source = try Fixture.pnm("gray8.pgm")
    let decoded = try JPEGLSDecoder().decode(
      try Fixture.bytes("gray8_near1.jls"), as: source.description(bitsStored: 8))
    #expect(decoded.precision == 8)
    #expect(maximumDifference(decoded.integers, source.samples) <= 1)
  }

  @Test func signedDataComesBackUnsigned() throws {
    // JPEG-LS has no sign bit in its header; the caller sign-extends from BitsStored.
    let source = try Fixture.pnm("gray16.pgm")
    let decoded = try JPEGLSDecoder().decode(
      try Fixture.bytes("gray16_lossless.jls"),
      as: source.description(bitsStored: 16, signed: true))
    #expect(!decoded.isSigned)
    #expect(decoded.integers == source.samples)
  }
}
