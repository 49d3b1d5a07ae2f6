import CZlib
import TestSupport
import Testing

@testable import Imaging

struct ImageEncoderTests {
  struct DecodedPNG {
    var width: Int
    var height: Int
    var colorType: UInt8
    var pixels: [UInt8]
  }

  enum PNGReadError: Error { case malformed(String) }

  /// A minimal PNG reader for the files the encoder writes: checks every CRC, inflates IDAT with
  /// zlib and removes the filter byte (always 0) from each row.
  private func decode(_ file: [UInt8]) throws -> DecodedPNG {
    guard file.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
      throw PNGReadError.malformed("signature")
    }
    func uint32(_ at: Int) -> Int {
      Int(file[at]) << 24 | Int(file[at + 1]) << 16 | Int(file[at + 2]) << 8 | Int(file[at + 3])
    }
    var position = 8
    var header: [UInt8] = []
    var compressed: [UInt8] = []
    var sawEnd = false
    while position + 12 <= file.count {
      let length = uint32(position)
      let body = Array(file[(position + 4)..<(position + 8 + length)])
      let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
      guard Int(crc) == uint32(position + 8 + length) else { throw PNGReadError.malformed("CRC") }
      let type = String(decoding: body.prefix(4), as: UTF8.self)
      let data = Array(body.dropFirst(4))
      switch type {
      case "IHDR": header = data
      case "IDAT": compressed += data
      case "IEND": sawEnd = true
      default: throw PNGReadError.malformed("chunk \(type)")
      }
      position += 12 + length
    }
    guard sawEnd, position == file.count, header.count == 13 else {
      throw PNGReadError.malformed("layout")
    }
    let width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
    let height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
    #expect(header[8] == 8)
    #expect(Array(header[10...12]) == [0, 0, 0])
    let channels = header[9] == 2 ? 3 : 1
    let rowBytes = width * channels
    var rawLength = uLong((rowBytes + 1) * height)
    var raw = [UInt8](repeating: 0, count: Int(rawLength))
    let status = raw.withUnsafeMutableBufferPointer { out in
      compressed.withUnsafeBufferPointer { input in
        uncompress(out.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
      }
    }
    guard status == Z_OK, Int(rawLength) == raw.count else { throw PNGReadError.malformed("zlib") }
    var pixels: [UInt8] = []
    for row in 0..<height {
      let start = row * (rowBytes + 1)
      guard raw[start] == 0 else { throw PNGReadError.malformed("filter") }
      pixels += raw[(start + 1)...(start + rowBytes)]
    }
    return DecodedPNG(width: width, height: height, colorType: header[9], pixels: pixels)
  }

  @Test func grayPNGRoundTrips() throws {
    let pixels = (0..<(37 * 23)).map { UInt8(truncatingIfNeeded: $0 * 7) }
    let image = GrayImage(width: 37, height: 23, pixels: pixels)
    let decoded = try decode(PNGEncoder.encode(image))
    #expect(decoded.width == 37 && decoded.height == 23 && decoded.colorType == 0)
    #expect(decoded.pixels == pixels)
  }

  @Test func rgbPNGRoundTrips() throws {
    var generator = SeededGenerator(seed: 7)
    let pixels = (0..<(5 * 4 * 3)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    let image = RGBImage(width: 5, height: 4, pixels: pixels)
    for level in [0, 1, 9] {
      let decoded = try decode(PNGEncoder.encode(image, compressionLevel: level))
      #expect(decoded.width == 5 && decoded.height == 4 && decoded.colorType == 2)
      #expect(decoded.pixels == pixels)
    }
  }

  @Test func netpbmHeadersAndBodies() throws {
    let gray = GrayImage(width: 2, height: 1, pixels: [0, 255])
    #expect(try NetpbmEncoder.pgm(gray) == Array("P5\n2 1\n255\n".utf8) + [0, 255])
    let rgb = RGBImage(width: 1, height: 1, pixels: [1, 2, 3])
    #expect(try NetpbmEncoder.ppm(rgb) == Array("P6\n1 1\n255\n".utf8) + [1, 2, 3])
  }

  @Test func inconsistentOrEmptyImagesAreErrors() {
    #expect(throws: ImageEncodingError.pixelCountMismatch(width: 2, height: 2, bytes: 3)) {
      try PNGEncoder.encode(GrayImage(width: 2, height: 2, pixels: [1, 2, 3]))
    }
    #expect(throws: ImageEncodingError.unsupportedSize(width: 0, height: 0)) {
      try NetpbmEncoder.pgm(GrayImage(width: 0, height: 0, pixels: []))
    }
    #expect(throws: ImageEncodingError.self) {
      try NetpbmEncoder.ppm(RGBImage(width: 1, height: 1, pixels: [1]))
    }
  }
}
