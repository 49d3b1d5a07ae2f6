import DICOM
import TestSupport

enum TestImages {
  /// A smooth gradient with noise and a few extreme samples, values in 0..<2^bits.
  static func plane(columns: Int, rows: Int, bits: Int, seed: UInt64) -> [Int] {
    var random = SeededGenerator(seed: seed)
    let top = (1 << bits) - 1
    var plane: [Int] = []
    for line in 0..<rows {
      for column in 0..<columns {
        let ramp = (column * 37 + line * 11) * top / max(1, columns * 37 + rows * 11)
        let noise = Int.random(in: -(top / 16 + 1)...(top / 16 + 1), using: &random)
        plane.append(min(top, max(0, ramp + noise)))
      }
    }
    // Extremes side by side make the largest differences, including category 16 at 16 bits.
    if plane.count >= 4 {
      plane[1] = top
      plane[2] = 0
      plane[3] = top
    }
    return plane
  }

  /// Uniformly random samples below 2^bits.
  static func noise(count: Int, bits: Int, seed: UInt64) -> [Int] {
    var random = SeededGenerator(seed: seed)
    return (0..<count).map { _ in Int.random(in: 0...((1 << bits) - 1), using: &random) }
  }

  /// Planes interleaved pixel by pixel, as decoders return them.
  static func interleave(_ planes: [[Int]]) -> [Int] {
    guard let first = planes.first else { return [] }
    var out: [Int] = []
    out.reserveCapacity(first.count * planes.count)
    for index in first.indices {
      for plane in planes { out.append(plane[index]) }
    }
    return out
  }
}

extension FrameDescription {
  /// A frame description for synthetic data.
  static func synthetic(
    rows: Int, columns: Int, samplesPerPixel: Int = 1, bitsAllocated: Int, bitsStored: Int? = nil,
    pixelRepresentation: Int = 0
  ) -> FrameDescription {
    FrameDescription(
      rows: rows, columns: columns, samplesPerPixel: samplesPerPixel,
      bitsAllocated: bitsAllocated, bitsStored: bitsStored ?? bitsAllocated,
      pixelRepresentation: pixelRepresentation,
      photometricInterpretation: samplesPerPixel == 3 ? "RGB" : "MONOCHROME2",
      planarConfiguration: 0)
  }
}

extension DecodedSamples {
  /// The samples as integers, read little-endian with `bytesPerSample` bytes each.
  var values: [Int] {
    stride(from: 0, to: bytes.count, by: bytesPerSample).map { start in
      var value = 0
      for byte in (0..<bytesPerSample).reversed() { value = value << 8 | Int(bytes[start + byte]) }
      return value
    }
  }
}
