import DICOM
import TestSupport
import Testing

/// Corrupt, truncated and unsupported streams give errors naming what and where, never a crash.
@Suite struct JPEGLosslessErrorTests {
  let decoder = JPEGLosslessDecoder()
  let description = FrameDescription.synthetic(rows: 9, columns: 11, bitsAllocated: 16)
  let plane = TestImages.plane(columns: 11, rows: 9, bits: 16, seed: 21)

  func stream(restartInterval: Int = 0) -> [UInt8] {
    var encoder = LosslessJPEGTestEncoder(precision: 16, predictor: 7)
    encoder.restartInterval = restartInterval
    return encoder.encode(planes: [plane], columns: 11, rows: 9)
  }

  func message(_ bytes: [UInt8], _ description: FrameDescription? = nil) -> String? {
    do {
      _ = try decoder.decode(bytes, as: description ?? self.description)
      return nil
    } catch {
      return error.message
    }
  }

  /// Replaces the first occurrence of `marker`'s segment body byte at `offset` after the length.
  func patching(_ bytes: [UInt8], marker: UInt8, at offset: Int, to value: UInt8) -> [UInt8] {
    var bytes = bytes
    if let start = bytes.indices.dropLast().first(where: {
      bytes[$0] == 0xFF && bytes[$0 + 1] == marker
    }) {
      bytes[start + 4 + offset] = value
    }
    return bytes
  }

  @Test func rejectsDataWithoutSOI() {
    #expect(
      message([]) == "JPEG lossless frame does not start with the SOI marker FFD8 (found no data"
        + " at byte offset 0)")
    #expect(
      message([0x00, 0x01, 0x02])
        == "JPEG lossless frame does not start with the SOI marker FFD8 (found 0001 at byte"
        + " offset 0)")
  }

  @Test func everyTruncationFailsOrDecodesExactly() {
    for restartInterval in [0, 22] {
      let full = stream(restartInterval: restartInterval)
      for length in 0..<full.count {
        let prefix = Array(full[0..<length])
        if let decoded = try? decoder.decode(prefix, as: description) {
          // Only the EOI marker may be missing.
          #expect(length >= full.count - 2, "length \(length)")
          #expect(decoded.values == plane)
        }
      }
    }
  }

  @Test func namesTheByteOffsetWhereDataRunsOut() throws {
    let full = stream()
    let cut = Array(full[0..<(full.count / 2)])
    let text = try #require(message(cut))
    #expect(
      text.hasPrefix(
        "JPEG lossless data ends early: reached the end of the data at byte offset \(cut.count)"
          + " while decoding line "))
    #expect(text.hasSuffix(" of 9 lines x 11 columns"))
  }

  @Test func reportsAMissingRestartMarker() throws {
    var bytes = stream(restartInterval: 11)
    let restart = try #require(
      bytes.indices.dropLast().first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xD0 })
    bytes[restart + 1] = 0xE5  // now an APP5 marker where RST0 belongs
    let text = try #require(message(bytes))
    #expect(
      text.hasPrefix("JPEG restart marker (RSTn) expected at byte offset")
        && text.hasSuffix("found marker FFE5 at byte offset \(restart)"))
  }

  @Test func reportsAnInvalidHuffmanCode() throws {
    // Only category 0 has a code ("0"), so a 1 bit starts no code at all.
    var bytes: [UInt8] = [0xFF, 0xD8]
    bytes += [0xFF, 0xC4, 0, 20, 0x00, 1] + [UInt8](repeating: 0, count: 15) + [0]
    bytes += [0xFF, 0xC3, 0, 11, 8, 0, 1, 0, 2, 1, 1, 0x11, 0]
    bytes += [0xFF, 0xDA, 0, 8, 1, 1, 0x00, 1, 0, 0]
    bytes += [0x7F, 0xFF, 0x00, 0xFF, 0xD9]
    #expect(
      message(bytes, .synthetic(rows: 1, columns: 2, bitsAllocated: 8))
        == "JPEG lossless data has an invalid Huffman code at byte offset 47 (line 0, column 1)")
  }

  @Test func reportsADifferenceCategoryAboveSixteen() {
    var bytes: [UInt8] = [0xFF, 0xD8]
    bytes += [0xFF, 0xC4, 0, 20, 0x00, 1] + [UInt8](repeating: 0, count: 15) + [17]
    bytes += [0xFF, 0xC3, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0]
    bytes += [0xFF, 0xDA, 0, 8, 1, 1, 0x00, 1, 0, 0, 0x00, 0xFF, 0xD9]
    #expect(
      message(bytes, .synthetic(rows: 1, columns: 1, bitsAllocated: 8))
        == "JPEG lossless data decodes difference category 17 (at most 16) at byte offset 47"
        + " (line 0, column 0)")
  }

  @Test func refusesOtherJPEGProcesses() {
    var bytes = stream()
    let frame = sof3Offset(in: bytes) ?? 0
    bytes[frame + 1] = 0xC1
    #expect(
      message(bytes)
        == "JPEG stream is not lossless Process 14: its frame marker is FFC1 (at byte offset"
        + " \(frame)), not SOF3 FFC3")
    bytes[frame + 1] = 0xCC
    #expect(message(bytes)?.hasPrefix("JPEG stream uses arithmetic coding") == true)
  }

  @Test func checksTheFrameAgainstTheDataSet() {
    let wrong = FrameDescription.synthetic(rows: 9, columns: 12, bitsAllocated: 16)
    #expect(
      message(stream(), wrong)
        == "JPEG lossless frame is 11x9 with 1 component(s), but the data set says 12x9 with 1")
  }

  @Test(arguments: [(0, 1 as UInt8), (0, 17), (7, 0x21)])
  func rejectsBadFrameHeaders(offset: Int, value: UInt8) throws {
    let text = try #require(message(patching(stream(), marker: 0xC3, at: offset, to: value)))
    #expect(text.contains("precision") || text.contains("sampling factors 2x1"))
  }

  @Test func rejectsBadScanHeaders() throws {
    // SOS body: Ns, Cs, Td/Ta, Ss, Se, Ah/Al.
    let noPredictor = try #require(message(patching(stream(), marker: 0xDA, at: 3, to: 0)))
    #expect(noPredictor.contains("predictor selection value 0"))
    let eightBit = LosslessJPEGTestEncoder(precision: 8, predictor: 1).encode(
      planes: [TestImages.noise(count: 99, bits: 8, seed: 1)], columns: 11, rows: 9)
    let bigShift = try #require(message(patching(eightBit, marker: 0xDA, at: 5, to: 0x08)))
    #expect(bigShift.contains("point transform 8, not below the precision 8"))
    let unknownComponent = try #require(message(patching(stream(), marker: 0xDA, at: 1, to: 9)))
    #expect(unknownComponent.contains("names component 9"))
    let missingTable = try #require(message(patching(stream(), marker: 0xDA, at: 2, to: 0x20)))
    #expect(missingTable.contains("uses Huffman table 2, which no DHT segment defined"))
  }

  @Test func rejectsAScanBeforeTheFrame() throws {
    var bytes = stream()
    let frame = try #require(sof3Offset(in: bytes))
    bytes[frame + 1] = 0xE1  // the frame header becomes an APP1 segment
    #expect(
      message(bytes)?.hasSuffix("comes before any lossless frame header (SOF3)") == true)
  }

  @Test func reportsComponentsNoScanCovered() {
    let planes = (0..<3).map { TestImages.plane(columns: 4, rows: 3, bits: 8, seed: UInt64($0)) }
    var encoder = LosslessJPEGTestEncoder(precision: 8, predictor: 1)
    encoder.interleaved = false
    var bytes = encoder.encode(planes: planes, columns: 4, rows: 3)
    // Cut everything from the second SOS on, keeping EOI.
    let scans = bytes.indices.dropLast().filter { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA }
    bytes = Array(bytes[..<scans[1]]) + [0xFF, 0xD9]
    #expect(
      message(bytes, .synthetic(rows: 3, columns: 4, samplesPerPixel: 3, bitsAllocated: 8))
        == "JPEG lossless data ends before component 2 was decoded (no scan for it)")
  }

  @Test func reportsSegmentsRunningPastTheEnd() {
    let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x10, 0x00, 1, 2]
    #expect(
      message(bytes)
        == "JPEG marker FFE0 at byte offset 2 has length 4096, which runs past the end of the"
        + " data (8 bytes)")
  }

  @Test func reportsAStreamWithoutAFrame() {
    #expect(message([0xFF, 0xD8, 0xFF, 0xD9]) == "JPEG stream has no lossless frame header (SOF3)")
  }

  @Test func survivesRandomCorruption() {
    var random = SeededGenerator(seed: 1234)
    let valid = stream(restartInterval: 22)
    for _ in 0..<2_000 {
      var bytes = valid
      for _ in 0..<Int.random(in: 1...6, using: &random) {
        let index = Int.random(in: 0..<bytes.count, using: &random)
        bytes[index] = UInt8.random(in: 0...255, using: &random)
      }
      _ = try? decoder.decode(bytes, as: description)
    }
    for length in 0..<300 {
      let garbage =
        [0xFF, 0xD8] + (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      _ = try? decoder.decode(garbage, as: description)
    }
  }
}
