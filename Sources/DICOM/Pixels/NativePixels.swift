/// Reading natively encoded (uncompressed) pixel bytes into typed samples.
enum NativePixels {
  /// Color-by-plane (R...G...B...) to color-by-pixel (RGBRGB...), for any sample size.
  static func interleave(_ bytes: [UInt8], planes: Int, bytesPerSample: Int) -> [UInt8] {
    let planeBytes = bytes.count / planes
    let pixels = planeBytes / bytesPerSample
    var output = [UInt8](repeating: 0, count: pixels * planes * bytesPerSample)
    for plane in 0..<planes {
      for pixel in 0..<pixels {
        let source = plane * planeBytes + pixel * bytesPerSample
        let target = (pixel * planes + plane) * bytesPerSample
        for byte in 0..<bytesPerSample { output[target + byte] = bytes[source + byte] }
      }
    }
    return output
  }

  /// Typed samples from bytes in the given byte order, signed or not.
  static func samples(
    _ raw: UnsafeRawBufferPointer, bitsAllocated: Int, signed: Bool, littleEndian: Bool
  ) -> PixelFrame.Samples {
    switch (bitsAllocated, signed) {
    case (8, false): return .uint8(Array(raw))
    case (8, true): return .int8(raw.map { Int8(bitPattern: $0) })
    case (16, false): return .uint16(load(raw, UInt16.self, littleEndian: littleEndian))
    case (16, true): return .int16(load(raw, Int16.self, littleEndian: littleEndian))
    case (32, false): return .uint32(load(raw, UInt32.self, littleEndian: littleEndian))
    default: return .int32(load(raw, Int32.self, littleEndian: littleEndian))
    }
  }

  static func load<Sample: FixedWidthInteger>(
    _ raw: UnsafeRawBufferPointer, _ type: Sample.Type, littleEndian: Bool
  ) -> [Sample] {
    let count = raw.count / MemoryLayout<Sample>.size
    var values = [Sample](unsafeUninitializedCapacity: count) { buffer, initialized in
      if count > 0, let base = raw.baseAddress {
        UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(
          from: base, byteCount: count * MemoryLayout<Sample>.size)
      }
      initialized = count
    }
    if littleEndian != (1.littleEndian == 1) {
      for index in values.indices { values[index] = values[index].byteSwapped }
    }
    return values
  }

  static func loadFloats<Value: BinaryFloatingPoint, Bits: FixedWidthInteger>(
    _ raw: UnsafeRawBufferPointer, bits: Bits.Type, littleEndian: Bool,
    make: (Bits) -> Value
  ) -> [Value] {
    load(raw, Bits.self, littleEndian: littleEndian).map(make)
  }

  /// Bit-packed samples (Bits Allocated 1), least significant bit first, frames not byte aligned.
  static func unpackBits(_ raw: UnsafeRawBufferPointer, firstBit: Int, count: Int) -> [UInt8] {
    (0..<count).map { index in
      let bit = firstBit + index
      let byte = bit / 8
      return byte < raw.count ? (raw[byte] >> UInt8(bit % 8)) & 1 : 0
    }
  }

  /// Clears or sign-extends the unused high bits, as pydicom's `correct_unused_bits` does.
  static func discardHighBits(_ samples: inout PixelFrame.Samples, keeping bits: Int) {
    func shift<Sample: FixedWidthInteger>(_ values: inout [Sample]) {
      let amount = Sample.bitWidth - bits
      guard amount > 0 else { return }
      for index in values.indices { values[index] = (values[index] << amount) >> amount }
    }
    // Each case empties `samples` before shifting so the array is uniquely referenced and is
    // shifted in place instead of copied.
    switch samples {
    case .uint8(var values):
      samples = .uint8([])
      shift(&values)
      samples = .uint8(values)
    case .int8(var values):
      samples = .uint8([])
      shift(&values)
      samples = .int8(values)
    case .uint16(var values):
      samples = .uint8([])
      shift(&values)
      samples = .uint16(values)
    case .int16(var values):
      samples = .uint8([])
      shift(&values)
      samples = .int16(values)
    case .uint32(var values):
      samples = .uint8([])
      shift(&values)
      samples = .uint32(values)
    case .int32(var values):
      samples = .uint8([])
      shift(&values)
      samples = .int32(values)
    case .float32, .float64:
      break
    }
  }
}
