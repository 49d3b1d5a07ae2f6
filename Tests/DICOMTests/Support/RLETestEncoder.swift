/// Builds RLE Lossless frames (PS3.5 Annex G) for tests.
enum RLETestEncoder {
  /// PackBits-codes one segment: runs of 3 or more equal bytes repeat, the rest are literals.
  static func packBits(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var literal: [UInt8] = []
    func flushLiteral() {
      var start = 0
      while start < literal.count {
        let count = min(128, literal.count - start)
        out.append(UInt8(count - 1))
        out.append(contentsOf: literal[start..<start + count])
        start += count
      }
      literal.removeAll()
    }
    var index = 0
    while index < bytes.count {
      var run = 1
      while index + run < bytes.count, run < 128, bytes[index + run] == bytes[index] { run += 1 }
      if run >= 3 {
        flushLiteral()
        out.append(UInt8(truncatingIfNeeded: 257 - run))
        out.append(bytes[index])
        index += run
      } else {
        literal.append(bytes[index])
        index += 1
      }
    }
    flushLiteral()
    return out
  }

  /// The segments of interleaved samples: per sample, most significant byte first.
  static func segments(samples: [UInt32], samplesPerPixel: Int, bytesPerSample: Int) -> [[UInt8]] {
    var segments: [[UInt8]] = []
    for sample in 0..<samplesPerPixel {
      for byte in (0..<bytesPerSample).reversed() {
        var plane: [UInt8] = []
        for pixel in stride(from: sample, to: samples.count, by: samplesPerPixel) {
          plane.append(UInt8(truncatingIfNeeded: samples[pixel] >> (8 * byte)))
        }
        segments.append(plane)
      }
    }
    return segments
  }

  /// A frame: the 64-byte header, then each coded segment padded to an even length.
  static func frame(codedSegments: [[UInt8]]) -> [UInt8] {
    var header = [UInt8](repeating: 0, count: 64)
    var body: [UInt8] = []
    func put(_ value: Int, at index: Int) {
      for byte in 0..<4 {
        header[index * 4 + byte] = UInt8(truncatingIfNeeded: value >> (8 * byte))
      }
    }
    put(codedSegments.count, at: 0)
    for (index, segment) in codedSegments.enumerated() {
      put(64 + body.count, at: index + 1)
      body.append(contentsOf: segment)
      if segment.count % 2 == 1 { body.append(0) }
    }
    return header + body
  }

  /// Encodes interleaved samples into one frame.
  static func encode(samples: [UInt32], samplesPerPixel: Int, bytesPerSample: Int) -> [UInt8] {
    frame(
      codedSegments: segments(
        samples: samples, samplesPerPixel: samplesPerPixel, bytesPerSample: bytesPerSample
      ).map(packBits))
  }
}
