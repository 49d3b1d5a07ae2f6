/// Turns a codec's container samples into the dtype the data set asks for (Bits Allocated and
/// Pixel Representation), reading the container with the data set's signedness as pydicom does.
enum SampleReinterpretation {
  static func samples(from decoded: DecodedSamples, as description: ImagePixelDescription)
    -> PixelFrame.Samples
  {
    let signed = description.isSigned
    if decoded.bytesPerSample * 8 == description.bitsAllocated {
      return decoded.bytes.withUnsafeBytes { raw in
        NativePixels.samples(
          raw, bitsAllocated: description.bitsAllocated, signed: signed, littleEndian: true)
      }
    }
    let values: [Int64] = decoded.bytes.withUnsafeBytes { raw in
      let size = decoded.bytesPerSample
      let count = raw.count / max(size, 1)
      return (0..<count).map { index in
        let offset = index * size
        switch size {
        case 1:
          let value = raw[offset]
          return signed ? Int64(Int8(bitPattern: value)) : Int64(value)
        case 2:
          let value = UInt16(
            littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self))
          return signed ? Int64(Int16(bitPattern: value)) : Int64(value)
        default:
          let value = UInt32(
            littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
          return signed ? Int64(Int32(bitPattern: value)) : Int64(value)
        }
      }
    }
    switch (description.bitsAllocated, signed) {
    case (8, false), (1, _): return .uint8(values.map { UInt8(truncatingIfNeeded: $0) })
    case (8, true): return .int8(values.map { Int8(truncatingIfNeeded: $0) })
    case (16, false): return .uint16(values.map { UInt16(truncatingIfNeeded: $0) })
    case (16, true): return .int16(values.map { Int16(truncatingIfNeeded: $0) })
    case (32, false): return .uint32(values.map { UInt32(truncatingIfNeeded: $0) })
    default: return .int32(values.map { Int32(truncatingIfNeeded: $0) })
    }
  }
}
