import Codecs
import DICOM
import TestSupport
import Testing

/// One committed fixture with the decoder and description that read it correctly.
struct DecodableFixture: Sendable, CustomTestStringConvertible {
  var file: String
  var source: String
  var bitsStored: Int
  var decoder: any PixelDecoder

  var testDescription: String { file }

  static let all: [DecodableFixture] = [
    .init(
      file: "gray8_baseline.jpg", source: "gray8.pgm", bitsStored: 8,
      decoder: JPEGBaselineDecoder()),
    .init(
      file: "rgb8_baseline_ycbcr.jpg", source: "rgb8.ppm", bitsStored: 8,
      decoder: JPEGBaselineDecoder()),
    .init(
      file: "gray12_extended.jpg", source: "gray12.pgm", bitsStored: 12,
      decoder: JPEGExtendedDecoder()),
    .init(
      file: "gray16_lossless.jls", source: "gray16.pgm", bitsStored: 16,
      decoder: JPEGLSDecoder()),
    .init(
      file: "rgb8_lossless_ilv_none.jls", source: "rgb8.ppm", bitsStored: 8,
      decoder: JPEGLSDecoder()),
    .init(
      file: "gray12_lossless.j2k", source: "gray12.pgm", bitsStored: 12,
      decoder: JPEG2000Decoder()),
    .init(
      file: "rgb8_lossless_nomct.jp2", source: "rgb8.ppm", bitsStored: 8,
      decoder: JPEG2000Decoder()),
    .init(
      file: "rgb8_htj2k.j2c", source: "rgb8.ppm", bitsStored: 8,
      decoder: JPEG2000Decoder()),
  ]

  func load() throws -> (stream: [UInt8], description: FrameDescription) {
    (try Fixture.bytes(file), try Fixture.pnm(source).description(bitsStored: bitsStored))
  }
}

@Suite struct CorruptStreamTests {
  @Test(arguments: DecodableFixture.all)
  func truncatedStreamsThrow(fixture: DecodableFixture) throws {
    let (stream, description) = try fixture.load()
    for length in [0, 1, 2, 16, stream.count / 2, stream.count * 3 / 4] {
      #expect(throws: CodecError.self, "kept \(length) of \(stream.count) bytes") {
        try fixture.decoder.decode(Array(stream.prefix(length)), as: description)
      }
    }
  }

  @Test(arguments: DecodableFixture.all)
  func garbageThrows(fixture: DecodableFixture) throws {
    let (stream, description) = try fixture.load()
    var random = SeededGenerator(seed: 7)
    let noise = (0..<stream.count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    #expect(throws: CodecError.self) { try fixture.decoder.decode(noise, as: description) }
    // A valid header followed by noise reaches the entropy decoder before failing.
    let half = stream.count / 2
    let headerThenNoise = Array(stream.prefix(half)) + noise.prefix(stream.count - half)
    #expect(throws: CodecError.self) {
      try fixture.decoder.decode(headerThenNoise, as: description)
    }
  }

  /// A changed byte may decode to wrong pixels, but never crashes, hangs or mis-sizes the output.
  @Test(arguments: DecodableFixture.all)
  func corruptedBytesNeverMisbehave(fixture: DecodableFixture) throws {
    let (stream, description) = try fixture.load()
    var random = SeededGenerator(seed: 11)
    for _ in 0..<300 {
      var damaged = stream
      let position = Int(random.next() % UInt64(damaged.count))
      damaged[position] = UInt8(truncatingIfNeeded: random.next())
      do {
        let decoded = try fixture.decoder.decode(damaged, as: description)
        #expect(decoded.rows == description.rows && decoded.columns == description.columns)
        #expect(
          decoded.bytes.count
            == decoded.rows * decoded.columns * decoded.samplesPerPixel * decoded.bytesPerSample)
      } catch {
        #expect(!error.message.isEmpty)
      }
    }
  }

  /// One changed byte makes Debian 12's OpenJPEG 2.5.0 fail an assert() in its HTJ2K decoder
  /// (ht_dec.c mel_init); the shim's abort guard must turn that into an error, repeatedly.
  @Test func openJPEGAssertionBecomesAnError() throws {
    let source = try Fixture.pnm("rgb8.ppm")
    var stream = try Fixture.bytes("rgb8_htj2k.j2c")
    stream[357] = 0xFC
    for _ in 0..<3 {
      let error = #expect(throws: CodecError.self) {
        try JPEG2000Decoder().decode(stream, as: source.description(bitsStored: 8))
      }
      #expect(error?.message.contains("failed internal check") == true)
    }
    // The guard is disarmed afterwards: good streams still decode.
    let decoded = try JPEG2000Decoder().decode(
      try Fixture.bytes("rgb8_htj2k.j2c"), as: source.description(bitsStored: 8))
    #expect(decoded.integers == source.samples)
  }

  /// Three changed bytes of rgb8_lossless_ilv_none.jls make CharLS 2.4.1 spin for 7-11 s
  /// before it reports the damage. Enable once CharLS is upgraded.
  @Test(.disabled("CharLS 2.4.1 needs seconds to reject this stream"))
  func charLSRejectsSlowCorruptStreamQuickly() throws {
    let source = try Fixture.pnm("rgb8.ppm")
    var stream = try Fixture.bytes("rgb8_lossless_ilv_none.jls")
    stream[302] = 177
    stream[351] = 122
    stream[421] = 29
    let clock = ContinuousClock()
    let start = clock.now
    #expect(throws: CodecError.self) {
      try JPEGLSDecoder().decode(stream, as: source.description(bitsStored: 8))
    }
    #expect(clock.now - start < .seconds(1))
  }

  @Test(arguments: DecodableFixture.all)
  func geometryDisagreeingWithTheDataSetThrows(fixture: DecodableFixture) throws {
    let (stream, description) = try fixture.load()
    var wrong = description
    wrong.rows += 1
    let error = #expect(throws: CodecError.self) {
      try fixture.decoder.decode(stream, as: wrong)
    }
    #expect(error?.message.contains("data set says") == true)
  }
}
