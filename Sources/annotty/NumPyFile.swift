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
      descriptor: "<f8", shape: shape, body: PixelFrame.Samples.float64(values).littleEndianBytes)
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
    let dtype =
      switch samples {
      case .uint8: "|u1"
      case .int8: "|i1"
      case .uint16: "<u2"
      case .int16: "<i2"
      case .uint32: "<u4"
      case .int32: "<i4"
      case .float32: "<f4"
      case .float64: "<f8"
      }
    return (dtype, samples.littleEndianBytes)
  }
}
