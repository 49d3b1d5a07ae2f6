import DICOM

/// A NumPy `.npy` (format 1.0) file: the array pydicom's `pixel_array` would give, byte for byte.
enum NumPyFile {
  static func encode(_ frame: PixelFrame) -> [UInt8] {
    let shape =
      frame.samplesPerPixel > 1
      ? "(\(frame.rows), \(frame.columns), \(frame.samplesPerPixel))"
      : "(\(frame.rows), \(frame.columns))"
    let (descriptor, body) = data(frame.samples)
    return encode(descriptor: descriptor, shape: shape, body: body)
  }

  static func encode(values: [Double], rows: Int, columns: Int, samplesPerPixel: Int) -> [UInt8] {
    let shape =
      samplesPerPixel > 1 ? "(\(rows), \(columns), \(samplesPerPixel))" : "(\(rows), \(columns))"
    return encode(
      descriptor: "<f8", shape: shape, body: littleEndianBytes(values.map(\.bitPattern)))
  }

  private static func encode(descriptor: String, shape: String, body: [UInt8]) -> [UInt8] {
    var header = "{'descr': '\(descriptor)', 'fortran_order': False, 'shape': \(shape), }"
    // Magic (6) + version (2) + header length (2) + header must be a multiple of 64.
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
    let length = UInt16(header.utf8.count)
    bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
    bytes += Array(header.utf8)
    return bytes + body
  }

  private static func data(_ samples: PixelFrame.Samples) -> (String, [UInt8]) {
    switch samples {
    case .uint8(let values): ("|u1", values)
    case .int8(let values): ("|i1", values.map { UInt8(bitPattern: $0) })
    case .uint16(let values): ("<u2", littleEndianBytes(values))
    case .int16(let values): ("<i2", littleEndianBytes(values))
    case .uint32(let values): ("<u4", littleEndianBytes(values))
    case .int32(let values): ("<i4", littleEndianBytes(values))
    case .float32(let values): ("<f4", littleEndianBytes(values.map(\.bitPattern)))
    case .float64(let values): ("<f8", littleEndianBytes(values.map(\.bitPattern)))
    }
  }

  private static func littleEndianBytes<Value: FixedWidthInteger>(_ values: [Value]) -> [UInt8] {
    let size = MemoryLayout<Value>.size
    var bytes = [UInt8](repeating: 0, count: values.count * size)
    bytes.withUnsafeMutableBytes { raw in
      for (index, value) in values.enumerated() {
        raw.storeBytes(of: value.littleEndian, toByteOffset: index * size, as: Value.self)
      }
    }
    return bytes
  }
}
