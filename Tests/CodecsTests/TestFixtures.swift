import DICOM
import Foundation

/// Reads the committed codec fixtures beside this file (see Fixtures/README.md).
enum Fixture {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// The bytes of one fixture file.
  static func bytes(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
  }

  /// A binary PGM/PPM source image, samples interleaved, as integers.
  static func pnm(_ name: String) throws -> SourceImage {
    let data = try bytes(name)
    var fields: [String] = []
    var index = 0
    while fields.count < 4, index < data.count {
      var end = index
      while end < data.count, data[end] != 0x0A { end += 1 }
      fields += String(decoding: data[index..<end], as: UTF8.self).split(separator: " ")
        .map(String.init)
      index = end + 1
    }
    guard fields.count == 4, let width = Int(fields[1]), let height = Int(fields[2]),
      let maxValue = Int(fields[3])
    else { throw FixtureError("\(name) is not a binary PNM file") }
    let samplesPerPixel = fields[0] == "P6" ? 3 : 1
    let bytesPerSample = maxValue > 255 ? 2 : 1
    let body = Array(data[index...])
    let count = width * height * samplesPerPixel
    guard body.count == count * bytesPerSample else {
      throw FixtureError("\(name) holds \(body.count) bytes, expected \(count * bytesPerSample)")
    }
    let samples = (0..<count).map { i in
      bytesPerSample == 1 ? Int(body[i]) : Int(body[2 * i]) << 8 | Int(body[2 * i + 1])
    }
    return SourceImage(
      columns: width, rows: height, samplesPerPixel: samplesPerPixel, samples: samples)
  }

  /// The signed 16-bit little-endian raw source (37 x 23) of the signed J2K fixture.
  static func signed16() throws -> SourceImage {
    let data = try bytes("signed16.rawl")
    let samples = stride(from: 0, to: data.count - 1, by: 2).map {
      Int(Int16(bitPattern: UInt16(data[$0]) | UInt16(data[$0 + 1]) << 8))
    }
    return SourceImage(columns: 37, rows: 23, samplesPerPixel: 1, samples: samples)
  }
}

/// A source image the fixtures were encoded from.
struct SourceImage {
  var columns: Int
  var rows: Int
  var samplesPerPixel: Int
  var samples: [Int]

  /// The description a data set holding this image would give, with the stated bits.
  func description(bitsStored: Int, signed: Bool = false, photometric: String? = nil)
    -> FrameDescription
  {
    FrameDescription(
      rows: rows, columns: columns, samplesPerPixel: samplesPerPixel,
      bitsAllocated: bitsStored <= 8 ? 8 : 16, bitsStored: bitsStored,
      pixelRepresentation: signed ? 1 : 0,
      photometricInterpretation: photometric ?? (samplesPerPixel == 3 ? "RGB" : "MONOCHROME2"),
      planarConfiguration: 0)
  }
}

struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension DecodedSamples {
  /// Every sample as an integer, honouring `bytesPerSample` and `isSigned`.
  var integers: [Int] {
    let count = bytes.count / bytesPerSample
    return (0..<count).map { index in
      var value = 0
      for byte in 0..<bytesPerSample {
        value |= Int(bytes[index * bytesPerSample + byte]) << (8 * byte)
      }
      let bits = 8 * bytesPerSample
      if isSigned, value >= 1 << (bits - 1) { value -= 1 << bits }
      return value
    }
  }
}

/// The largest absolute difference between two equally long sample lists (Int.max if not).
func maximumDifference(_ a: [Int], _ b: [Int]) -> Int {
  guard a.count == b.count else { return Int.max }
  return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
