/// Builds lossless JPEG streams (ITU-T T.81 Annex H, Huffman) with the options tests need:
/// any predictor, point transform, restart intervals, interleaved or one scan per component.
struct LosslessJPEGTestEncoder {
  var precision: Int
  var predictor: Int
  var pointTransform = 0
  /// MCUs per restart interval; 0 writes no DRI.
  var restartInterval = 0
  /// One scan for all components, or one scan per component.
  var interleaved = true
  /// Code length of difference categories 0...16; every category gets a code.
  var codeLengths = Self.balancedCodeLengths
  /// Extra FF fill bytes written before every RSTn and EOI marker.
  var fillBytesBeforeMarkers = 0
  /// Whether to write APP0 and COM segments, which decoders must skip.
  var includeApplicationSegments = false

  /// Lengths up to 13 bits: short codes for small differences.
  static let balancedCodeLengths = [2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13]
  /// Lengths up to 16 bits, so large differences need the long-code path.
  static let deepCodeLengths = [2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16]

  /// Encodes planes (one per component, row-major, values below 2^precision).
  func encode(planes: [[Int]], columns: Int, rows: Int) -> [UInt8] {
    var out: [UInt8] = [0xFF, 0xD8]
    if includeApplicationSegments {
      appendSegment(0xE0, Array("JFIF\0".utf8) + [1, 2, 0, 0, 1, 0, 1, 0, 0], to: &out)
      appendSegment(0xFE, Array("synthetic test stream".utf8), to: &out)
    }
    let (codes, counts, values) = canonicalCodes()
    appendSegment(0xC4, [0x00] + counts.map(UInt8.init) + values.map(UInt8.init), to: &out)
    var frame: [UInt8] = [UInt8(precision), UInt8(rows >> 8), UInt8(rows & 0xFF)]
    frame += [UInt8(columns >> 8), UInt8(columns & 0xFF), UInt8(planes.count)]
    for component in planes.indices { frame += [UInt8(component + 1), 0x11, 0] }
    appendSegment(0xC3, frame, to: &out)
    if restartInterval > 0 {
      appendSegment(0xDD, [UInt8(restartInterval >> 8), UInt8(restartInterval & 0xFF)], to: &out)
    }
    let scans = interleaved ? [Array(planes.indices)] : planes.indices.map { [$0] }
    for scan in scans {
      var header: [UInt8] = [UInt8(scan.count)]
      for component in scan { header += [UInt8(component + 1), 0x00] }
      header += [UInt8(predictor), 0, UInt8(pointTransform)]
      appendSegment(0xDA, header, to: &out)
      out += scanData(
        planes: scan.map { planes[$0].map { $0 >> pointTransform } }, columns: columns,
        rows: rows, codes: codes)
    }
    out += [UInt8](repeating: 0xFF, count: fillBytesBeforeMarkers) + [0xFF, 0xD9]
    return out
  }

  private func appendSegment(_ marker: UInt8, _ body: [UInt8], to out: inout [UInt8]) {
    let length = body.count + 2
    out += [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + body
  }

  /// Canonical codes per category, plus the DHT counts and values.
  private func canonicalCodes() -> (codes: [(code: Int, length: Int)], counts: [Int], values: [Int])
  {
    let order = (0...16).sorted { (codeLengths[$0], $0) < (codeLengths[$1], $1) }
    var codes = [(code: Int, length: Int)](repeating: (0, 0), count: 17)
    var counts = [Int](repeating: 0, count: 16)
    var code = 0
    var length = codeLengths[order[0]]
    for category in order {
      code <<= codeLengths[category] - length
      length = codeLengths[category]
      codes[category] = (code, length)
      counts[length - 1] += 1
      code += 1
    }
    return (codes, counts, order)
  }

  private func scanData(
    planes: [[Int]], columns: Int, rows: Int, codes: [(code: Int, length: Int)]
  ) -> [UInt8] {
    var writer = TestBitWriter()
    let initial = 1 << (precision - pointTransform - 1)
    var mcusLeft = restartInterval
    var restartNumber = 0
    var startsInterval = true
    var intervalFirstLine = 0
    for line in 0..<rows {
      for column in 0..<columns {
        if restartInterval > 0 {
          if mcusLeft == 0 {
            writer.padToByte()
            writer.bytes += [UInt8](repeating: 0xFF, count: fillBytesBeforeMarkers)
            writer.bytes += [0xFF, UInt8(0xD0 + restartNumber % 8)]
            restartNumber += 1
            mcusLeft = restartInterval
            startsInterval = true
            intervalFirstLine = line
          }
          mcusLeft -= 1
        }
        for plane in planes {
          let here = line * columns + column
          let prediction: Int
          if startsInterval {
            prediction = initial
          } else if line == intervalFirstLine {
            prediction = plane[here - 1]
          } else if column == 0 {
            prediction = plane[here - columns]
          } else {
            let left = plane[here - 1]
            let above = plane[here - columns]
            let aboveLeft = plane[here - columns - 1]
            switch predictor {
            case 1: prediction = left
            case 2: prediction = above
            case 3: prediction = aboveLeft
            case 4: prediction = left + above - aboveLeft
            case 5: prediction = left + ((above - aboveLeft) >> 1)
            case 6: prediction = above + ((left - aboveLeft) >> 1)
            default: prediction = (left + above) >> 1
            }
          }
          // T.81 H.1.2.1: the difference is taken modulo 2^16, then read as -32767...32768.
          var difference = (plane[here] - prediction) & 0xFFFF
          if difference > 32768 { difference -= 65536 }
          let category = difference == 0 ? 0 : Int.bitWidth - abs(difference).leadingZeroBitCount
          writer.write(codes[category].code, bits: codes[category].length)
          if category > 0 && category < 16 {
            let extra = difference > 0 ? difference : difference + (1 << category) - 1
            writer.write(extra, bits: category)
          }
        }
        startsInterval = false
      }
    }
    writer.padToByte()
    return writer.bytes
  }
}

/// Writes bits most significant first with FF 00 byte stuffing; pads with 1 bits.
struct TestBitWriter {
  var bytes: [UInt8] = []
  private var accumulator = 0
  private var count = 0

  mutating func write(_ value: Int, bits: Int) {
    for bit in stride(from: bits - 1, through: 0, by: -1) {
      accumulator = accumulator << 1 | (value >> bit) & 1
      count += 1
      if count == 8 { flush() }
    }
  }

  mutating func padToByte() {
    while count != 0 { write(1, bits: 1) }
  }

  private mutating func flush() {
    bytes.append(UInt8(accumulator))
    if accumulator == 0xFF { bytes.append(0) }
    accumulator = 0
    count = 0
  }
}
