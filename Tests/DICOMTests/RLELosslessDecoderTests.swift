import DICOM
import TestSupport
import Testing

@Suite struct RLELosslessDecoderTests {
  let decoder = RLELosslessDecoder()

  @Test(arguments: [(8, 1), (16, 1), (32, 1), (8, 3), (16, 3), (32, 3)])
  func roundTripsSyntheticFrames(bitsAllocated: Int, samplesPerPixel: Int) throws {
    let (rows, columns) = (37, 53)
    let count = rows * columns * samplesPerPixel
    // Runs and noise together exercise repeat runs, literal runs and the 128-byte limits.
    let runs = TestImages.plane(columns: columns * samplesPerPixel, rows: rows, bits: 4, seed: 1)
    let noise = TestImages.noise(count: count, bits: 31, seed: 2)
    let samples = (0..<count).map { index in
      UInt32(truncatingIfNeeded: index % 7 < 4 ? runs[index] * 0x0101_0101 : noise[index])
        & UInt32(truncatingIfNeeded: (1 << bitsAllocated) - 1)
    }
    let frame = RLETestEncoder.encode(
      samples: samples, samplesPerPixel: samplesPerPixel, bytesPerSample: bitsAllocated / 8)
    let description = FrameDescription.synthetic(
      rows: rows, columns: columns, samplesPerPixel: samplesPerPixel,
      bitsAllocated: bitsAllocated)

    let decoded = try decoder.decode(frame, as: description)

    #expect(decoded.values == samples.map(Int.init))
    #expect(decoded.bytesPerSample == bitsAllocated / 8)
    #expect(decoded.samplesPerPixel == samplesPerPixel)
    #expect(decoded.rows == rows && decoded.columns == columns)
  }

  @Test func decodesLongRunsAndLiteralsAcrossTheirLimits() throws {
    let plane = [UInt8](repeating: 9, count: 300) + (0..<300).map { UInt8($0 % 251) }
    let frame = RLETestEncoder.frame(codedSegments: [RLETestEncoder.packBits(plane)])
    let decoded = try decoder.decode(
      frame, as: .synthetic(rows: 20, columns: 30, bitsAllocated: 8))
    #expect(decoded.bytes == plane)
  }

  @Test func skipsNoOpControlBytes() throws {
    // 0x80 is a no-op; FE 07 repeats 7 three times; 01 05 06 copies two literals.
    let frame = RLETestEncoder.frame(codedSegments: [[0x80, 0xFE, 0x07, 0x80, 0x01, 0x05, 0x06]])
    let decoded = try decoder.decode(frame, as: .synthetic(rows: 1, columns: 5, bitsAllocated: 8))
    #expect(decoded.bytes == [7, 7, 7, 5, 6])
  }

  @Test func reportsStoredSampleSemantics() throws {
    let frame = RLETestEncoder.encode(
      samples: [0xFFFF, 0x0F0F], samplesPerPixel: 1, bytesPerSample: 2)
    let decoded = try decoder.decode(
      frame,
      as: .synthetic(
        rows: 1, columns: 2, bitsAllocated: 16, bitsStored: 12, pixelRepresentation: 1))
    #expect(decoded.bytes == [0xFF, 0xFF, 0x0F, 0x0F])
    #expect(decoded.precision == 12)
    #expect(decoded.isSigned)
    #expect(decoded.convertedToRGB == nil)
  }

  @Test func padsShortSegmentsWithZeros() throws {
    let frame = RLETestEncoder.frame(codedSegments: [[0x02, 1, 2, 3]])
    let decoded = try decoder.decode(frame, as: .synthetic(rows: 2, columns: 3, bitsAllocated: 8))
    #expect(decoded.bytes == [1, 2, 3, 0, 0, 0])
  }

  @Test func padsALiteralCutOffByTheNextSegment() throws {
    // The first segment promises 4 literals but the second segment starts after 2.
    let frame = RLETestEncoder.frame(codedSegments: [[0x03, 0xAA, 0xBB], [0xFD, 0x11]])
    let decoded = try decoder.decode(frame, as: .synthetic(rows: 1, columns: 4, bitsAllocated: 16))
    #expect(decoded.bytes == [0x11, 0xAA, 0x11, 0xBB, 0x11, 0x00, 0x11, 0x00])
  }

  @Test func truncatesSegmentsThatDecodeLong() throws {
    let frame = RLETestEncoder.frame(codedSegments: [[0xF9, 4, 0x03, 1, 2, 3, 4]])
    let decoded = try decoder.decode(frame, as: .synthetic(rows: 1, columns: 3, bitsAllocated: 8))
    #expect(decoded.bytes == [4, 4, 4])
  }

  @Test func ignoresSurplusSegments() throws {
    let frame = RLETestEncoder.frame(codedSegments: [[0xFD, 8], [0xFD, 9]])
    let decoded = try decoder.decode(frame, as: .synthetic(rows: 2, columns: 2, bitsAllocated: 8))
    #expect(decoded.bytes == [8, 8, 8, 8])
  }

  @Test func usesTheRestOfTheFrameWhenTheNextOffsetIsNotAfterThisOne() throws {
    var frame = RLETestEncoder.frame(codedSegments: [[0x01, 1, 2, 0xFF, 3], [0xFF, 5]])
    // Surplus segment 2 now starts where segment 1 does, so segment 1 runs to the frame's end.
    frame[8] = 64
    let decoded = try decoder.decode(frame, as: .synthetic(rows: 1, columns: 4, bitsAllocated: 8))
    #expect(decoded.bytes == [1, 2, 3, 3])
  }

  @Test func rejectsAFrameShorterThanItsHeader() {
    #expect(throws: CodecError("RLE frame is 10 bytes, shorter than its 64-byte header")) {
      try decoder.decode(
        [UInt8](repeating: 0, count: 10), as: .synthetic(rows: 1, columns: 1, bitsAllocated: 8))
    }
  }

  @Test(arguments: [0, 16, 0x0100_0000])
  func rejectsImpossibleSegmentCounts(count: Int) {
    var frame = RLETestEncoder.frame(codedSegments: [[0x00, 1]])
    for byte in 0..<4 { frame[byte] = UInt8(truncatingIfNeeded: count >> (8 * byte)) }
    #expect(throws: CodecError("RLE header lists \(count) segments; a frame has 1 to 15")) {
      try decoder.decode(frame, as: .synthetic(rows: 1, columns: 1, bitsAllocated: 8))
    }
  }

  @Test func rejectsTooFewSegments() {
    let frame = RLETestEncoder.frame(codedSegments: [[0x00, 1], [0x00, 2]])
    let error = #expect(throws: CodecError.self) {
      try decoder.decode(
        frame, as: .synthetic(rows: 1, columns: 1, samplesPerPixel: 3, bitsAllocated: 8))
    }
    #expect(
      error?.message == "RLE header lists 2 segments but 3 sample(s) per pixel of 8 bits need 3")
  }

  @Test(arguments: [10, 63, 1_000])
  func rejectsSegmentOffsetsOutsideTheFrame(offset: Int) {
    var frame = RLETestEncoder.frame(codedSegments: [[0x00, 1], [0x00, 2]])
    for byte in 0..<4 { frame[8 + byte] = UInt8(truncatingIfNeeded: offset >> (8 * byte)) }
    let error = #expect(throws: CodecError.self) {
      try decoder.decode(frame, as: .synthetic(rows: 1, columns: 1, bitsAllocated: 16))
    }
    #expect(
      error?.message
        == "RLE segment 2 of 2 starts at byte offset \(offset), outside the frame (segments lie"
        + " between byte 64 and \(frame.count))")
  }

  @Test(arguments: [1, 12, 24, 64])
  func rejectsBitsAllocatedItCannotHold(bits: Int) {
    let frame = RLETestEncoder.frame(codedSegments: [[0x00, 1]])
    #expect(throws: CodecError.self) {
      try decoder.decode(frame, as: .synthetic(rows: 1, columns: 1, bitsAllocated: bits))
    }
  }

  @Test func rejectsMoreThanFifteenSegmentsWorthOfSamples() {
    let frame = RLETestEncoder.frame(codedSegments: [[0x00, 1]])
    #expect(throws: CodecError.self) {
      try decoder.decode(
        frame, as: .synthetic(rows: 1, columns: 1, samplesPerPixel: 4, bitsAllocated: 32))
    }
  }

  @Test func survivesGarbageOfEveryLength() throws {
    var random = SeededGenerator(seed: 99)
    for length in 0..<200 {
      var frame = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      if length >= 64 {
        // A plausible header so the garbage reaches the PackBits loop.
        frame.replaceSubrange(0..<8, with: [1, 0, 0, 0, 64, 0, 0, 0])
      }
      _ = try? decoder.decode(frame, as: .synthetic(rows: 8, columns: 8, bitsAllocated: 8))
    }
  }
}
