/// Rearranges decoded samples: planes to pixels, dropping extra samples, inverting, palettes.
enum TIFFSampleLayout {
  /// Interleaves `planeCount` equal planes (RRR GGG BBB) into pixels (RGB RGB RGB).
  static func interleave<Sample: FixedWidthInteger>(planes: [Sample], planeCount: Int) -> [Sample] {
    guard planeCount > 1 else { return planes }
    let pixelCount = planes.count / planeCount
    return [Sample](unsafeUninitializedCapacity: planes.count) { output, initialized in
      planes.withUnsafeBufferPointer { input in
        for plane in 0..<planeCount {
          let planeStart = plane * pixelCount
          for pixel in 0..<pixelCount {
            output[pixel * planeCount + plane] = input[planeStart + pixel]
          }
        }
      }
      initialized = planes.count
    }
  }

  /// Keeps the first `keeping` of every `stride` samples, compacting in place.
  static func keepLeadingSamples<Sample>(
    _ samples: inout [Sample], of stride: Int, keeping: Int, pixelCount: Int
  ) {
    samples.withUnsafeMutableBufferPointer { buffer in
      // Writes never overtake reads because keeping <= stride.
      for pixel in 0..<pixelCount {
        for sample in 0..<keeping {
          buffer[pixel * keeping + sample] = buffer[pixel * stride + sample]
        }
      }
    }
    samples.removeLast(samples.count - pixelCount * keeping)
  }

  /// Maps MinIsWhite samples to MinIsBlack over the full range of the sample type.
  static func invert<Sample: FixedWidthInteger & UnsignedInteger>(_ samples: inout [Sample]) {
    samples.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices { buffer[index] = Sample.max - buffer[index] }
    }
  }

  /// Looks every index up in the colormap and returns interleaved 8-bit RGB.
  ///
  /// The TIFF colormap is 16-bit, but some writers store 0…255 there; like libtiff's own
  /// tools, a map whose entries all fit in 8 bits is used as is, else its high bytes are.
  static func expandPalette(
    _ indices: [UInt8], red: [UInt16], green: [UInt16], blue: [UInt16]
  ) -> [UInt8] {
    let isEightBitMap = (red + green + blue).allSatisfy { $0 <= 255 }
    func scale(_ channel: [UInt16]) -> [UInt8] {
      var table = [UInt8](repeating: 0, count: 256)
      for index in 0..<min(256, channel.count) {
        let value = channel[index]
        table[index] = UInt8(truncatingIfNeeded: isEightBitMap ? value : value >> 8)
      }
      return table
    }
    let tables = (scale(red), scale(green), scale(blue))
    var rgb = [UInt8](repeating: 0, count: indices.count * 3)
    rgb.withUnsafeMutableBufferPointer { output in
      for (pixel, index) in indices.enumerated() {
        let entry = Int(index)
        output[pixel * 3] = tables.0[entry]
        output[pixel * 3 + 1] = tables.1[entry]
        output[pixel * 3 + 2] = tables.2[entry]
      }
    }
    return rgb
  }
}
