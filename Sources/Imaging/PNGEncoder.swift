import CZlib

/// PNG files (8-bit gray or 8-bit RGB, no interlace, filter 0 on every row), deflated by zlib.
public enum PNGEncoder {
  /// The gray image as a PNG (color type 0).
  public static func encode(_ image: GrayImage, compressionLevel: Int = 6)
    throws(ImageEncodingError) -> [UInt8]
  {
    try checkImage(
      width: image.width, height: image.height, bytes: image.pixels.count,
      consistent: image.isConsistent)
    return try encode(
      width: image.width, height: image.height, colorType: 0, bytesPerPixel: 1,
      pixels: image.pixels, level: compressionLevel)
  }

  /// The RGB image as a PNG (color type 2).
  public static func encode(_ image: RGBImage, compressionLevel: Int = 6)
    throws(ImageEncodingError) -> [UInt8]
  {
    try checkImage(
      width: image.width, height: image.height, bytes: image.pixels.count,
      consistent: image.isConsistent)
    return try encode(
      width: image.width, height: image.height, colorType: 2, bytesPerPixel: 3,
      pixels: image.pixels, level: compressionLevel)
  }

  private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
  /// Keeps each IDAT well under the 2^31 - 1 chunk length limit.
  private static let largestIDAT = 1 << 30

  private static func encode(
    width: Int, height: Int, colorType: UInt8, bytesPerPixel: Int, pixels: [UInt8], level: Int
  ) throws(ImageEncodingError) -> [UInt8] {
    let rowBytes = width * bytesPerPixel
    var scanlines = [UInt8]()
    scanlines.reserveCapacity((rowBytes + 1) * height)
    for row in 0..<height {
      scanlines.append(0)  // filter type None
      scanlines.append(contentsOf: pixels[(row * rowBytes)..<((row + 1) * rowBytes)])
    }
    let compressed = try deflate(scanlines, level: Int32(min(max(level, 0), 9)))

    var header = [UInt8]()
    header += bigEndian(UInt32(width))
    header += bigEndian(UInt32(height))
    header += [8, colorType, 0, 0, 0]  // bit depth, color type, compression, filter, interlace

    var file = signature
    appendChunk("IHDR", header, to: &file)
    var start = 0
    repeat {
      let end = min(start + largestIDAT, compressed.count)
      appendChunk("IDAT", Array(compressed[start..<end]), to: &file)
      start = end
    } while start < compressed.count
    appendChunk("IEND", [], to: &file)
    return file
  }

  private static func deflate(_ input: [UInt8], level: Int32) throws(ImageEncodingError)
    -> [UInt8]
  {
    var capacity = compressBound(uLong(input.count))
    var output = [UInt8](repeating: 0, count: Int(capacity))
    let status = output.withUnsafeMutableBufferPointer { destination in
      input.withUnsafeBufferPointer { source in
        compress2(
          destination.baseAddress, &capacity, source.baseAddress, uLong(source.count), level)
      }
    }
    guard status == Z_OK else { throw .compressionFailed(status: status) }
    output.removeSubrange(Int(capacity)...)
    return output
  }

  private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
    let typeBytes = Array(type.utf8)
    file += bigEndian(UInt32(data.count))
    let body = typeBytes + data
    file += body
    let checksum = body.withUnsafeBufferPointer { buffer in
      crc32(0, buffer.baseAddress, uInt(buffer.count))
    }
    file += bigEndian(UInt32(truncatingIfNeeded: checksum))
  }

  private static func bigEndian(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
      UInt8(value & 0xFF),
    ]
  }
}
