import DICOM
import Testing

/// Streams from the tests' own encoder, decoded back exactly.
@Suite struct JPEGLosslessRoundTripTests {
  let decoder = JPEGLosslessDecoder()

  private func roundTrip(
    _ encoder: LosslessJPEGTestEncoder, planes: [[Int]], columns: Int, rows: Int,
    bitsAllocated: Int = 16
  ) throws -> (decoded: DecodedSamples, expected: [Int], stream: [UInt8]) {
    let stream = encoder.encode(planes: planes, columns: columns, rows: rows)
    let description = FrameDescription.synthetic(
      rows: rows, columns: columns, samplesPerPixel: planes.count, bitsAllocated: bitsAllocated,
      bitsStored: encoder.precision)
    let decoded = try decoder.decode(stream, as: description)
    let shift = encoder.pointTransform
    let expected = TestImages.interleave(planes.map { $0.map { ($0 >> shift) << shift } })
    return (decoded, expected, stream)
  }

  @Test(arguments: 1...7, [2, 8, 12, 16])
  func roundTripsEveryPredictorAndPrecision(predictor: Int, precision: Int) throws {
    let plane = TestImages.plane(columns: 29, rows: 23, bits: precision, seed: UInt64(predictor))
    let encoder = LosslessJPEGTestEncoder(precision: precision, predictor: predictor)
    let result = try roundTrip(encoder, planes: [plane], columns: 29, rows: 23)
    #expect(result.decoded.values == result.expected)
    #expect(result.decoded.precision == precision)
    #expect(result.decoded.bytesPerSample == (precision <= 8 ? 1 : 2))
    #expect(!result.decoded.isSigned)
  }

  @Test(arguments: 1...7)
  func roundTripsNoiseAtSixteenBitsWithLongCodes(predictor: Int) throws {
    var encoder = LosslessJPEGTestEncoder(precision: 16, predictor: predictor)
    encoder.codeLengths = LosslessJPEGTestEncoder.deepCodeLengths
    let plane = TestImages.noise(count: 31 * 17, bits: 16, seed: 5)
    let result = try roundTrip(encoder, planes: [plane], columns: 31, rows: 17)
    #expect(result.decoded.values == result.expected)
  }

  @Test func decodesDifferenceCategorySixteenWithoutExtraBits() throws {
    let plane = [0, 32768, 0, 32768, 65535, 32767, 65535, 0]
    let encoder = LosslessJPEGTestEncoder(precision: 16, predictor: 1)
    let result = try roundTrip(encoder, planes: [plane], columns: 8, rows: 1)
    #expect(result.decoded.values == plane)
  }

  @Test(arguments: [29, 58, 29 * 5, 29 * 23, 29 * 2259])
  func handlesRestartIntervalsOfWholeLines(interval: Int) throws {
    for predictor in [1, 4, 7] {
      var encoder = LosslessJPEGTestEncoder(precision: 12, predictor: predictor)
      encoder.restartInterval = interval
      let plane = TestImages.plane(columns: 29, rows: 23, bits: 12, seed: 3)
      let result = try roundTrip(encoder, planes: [plane], columns: 29, rows: 23)
      #expect(result.decoded.values == result.expected, "predictor \(predictor)")
    }
  }

  @Test(arguments: [1, 5, 30, 29 * 23 - 1])
  func refusesRestartIntervalsEndingMidLine(interval: Int) {
    var encoder = LosslessJPEGTestEncoder(precision: 12, predictor: 1)
    encoder.restartInterval = interval
    let plane = TestImages.plane(columns: 29, rows: 23, bits: 12, seed: 3)
    #expect(
      throws: CodecError(
        "JPEG lossless restart interval of \(interval) MCUs is not a whole number of lines of 29"
          + " MCUs; such streams are not supported")
    ) {
      try roundTrip(encoder, planes: [plane], columns: 29, rows: 23)
    }
  }

  @Test(arguments: [false, true], [0, 20, 40])
  func decodesThreeComponents(interleaved: Bool, restartInterval: Int) throws {
    let planes = (0..<3).map {
      TestImages.plane(columns: 20, rows: 15, bits: 8, seed: 10 + UInt64($0))
    }
    var encoder = LosslessJPEGTestEncoder(precision: 8, predictor: 6)
    encoder.interleaved = interleaved
    encoder.restartInterval = restartInterval
    let result = try roundTrip(encoder, planes: planes, columns: 20, rows: 15, bitsAllocated: 8)
    #expect(result.decoded.values == result.expected)
    #expect(result.decoded.samplesPerPixel == 3)
  }

  @Test(arguments: [1, 3, 7])
  func undoesThePointTransform(pointTransform: Int) throws {
    var encoder = LosslessJPEGTestEncoder(precision: 12, predictor: 5)
    encoder.pointTransform = pointTransform
    encoder.restartInterval = 32
    let plane = TestImages.plane(columns: 16, rows: 9, bits: 12, seed: 8)
    let result = try roundTrip(encoder, planes: [plane], columns: 16, rows: 9)
    #expect(result.decoded.values == result.expected)
  }

  @Test func skipsFillBytesAndApplicationSegments() throws {
    var encoder = LosslessJPEGTestEncoder(precision: 8, predictor: 2)
    encoder.restartInterval = 12
    encoder.fillBytesBeforeMarkers = 3
    encoder.includeApplicationSegments = true
    let plane = TestImages.noise(count: 12 * 10, bits: 8, seed: 4)
    let result = try roundTrip(encoder, planes: [plane], columns: 12, rows: 10, bitsAllocated: 8)
    #expect(result.decoded.values == result.expected)
  }

  @Test func removesByteStuffing() throws {
    let plane = (0..<64).map { $0 % 2 == 0 ? 0 : 255 }
    var encoder = LosslessJPEGTestEncoder(precision: 8, predictor: 1)
    // 8 one-bits per sample make FF bytes in the data, which the encoder must stuff.
    encoder.codeLengths = [1, 2, 3, 4, 5, 6, 7, 9, 9, 10, 11, 12, 13, 14, 15, 16, 16]
    let result = try roundTrip(encoder, planes: [plane], columns: 8, rows: 8, bitsAllocated: 8)
    #expect(
      result.stream.indices.dropLast().contains { index in
        result.stream[index] == 0xFF && result.stream[index + 1] == 0
      })
    #expect(result.decoded.values == plane)
  }

  @Test func takesTheHeightFromTheDataSetWhenTheFrameSaysZeroLines() throws {
    let plane = TestImages.plane(columns: 6, rows: 5, bits: 10, seed: 6)
    var stream = LosslessJPEGTestEncoder(precision: 10, predictor: 3).encode(
      planes: [plane], columns: 6, rows: 5)
    let frameHeader = try #require(sof3Offset(in: stream))
    stream[frameHeader + 5] = 0
    stream[frameHeader + 6] = 0
    let decoded = try decoder.decode(
      stream, as: .synthetic(rows: 5, columns: 6, bitsAllocated: 16, bitsStored: 10))
    #expect(decoded.values == plane)
    #expect(decoded.rows == 5)
  }
}

/// Where the SOF3 marker starts in a stream.
func sof3Offset(in stream: [UInt8]) -> Int? {
  stream.indices.dropLast().first { stream[$0] == 0xFF && stream[$0 + 1] == 0xC3 }
}
