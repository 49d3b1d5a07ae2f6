import DICOM

/// What the start-of-frame segment of a JPEG stream (ITU-T T.81 B.2.2) says about its process.
///
/// Read before decoding to pick the libjpeg build whose sample size matches the stream.
struct JPEGFrameHeader: Equatable {
  /// The SOF marker's second byte (0xC0 baseline, 0xC1 extended, 0xC3 lossless, ...).
  var marker: UInt8
  /// Sample precision P in bits.
  var precision: Int

  /// Whether the frame is DCT-based (every SOF except the lossless ones).
  var isDCT: Bool { ![0xC3, 0xC7, 0xCB, 0xCF].contains(marker) }

  /// Whether the frame is sequential DCT (baseline or extended, Huffman or arithmetic).
  var isSequentialDCT: Bool { [0xC0, 0xC1, 0xC9].contains(marker) }

  /// Finds the first SOF segment after SOI, walking marker segments with bounds checks, and
  /// checks the first scan header of a sequential DCT frame.
  ///
  /// A sequential scan must cover the whole spectrum (Ss 0, Se 63, Ah Al 0, T.81 B.2.3).
  /// libjpeg decodes streams that break this, pydicom refuses them; annotty refuses them too, so
  /// that what a viewer shows never depends on which decoder guessed.
  init(scanning stream: [UInt8]) throws(CodecError) {
    var found: (marker: UInt8, precision: Int)?
    guard stream.count >= 4, stream[0] == 0xFF, stream[1] == 0xD8 else {
      throw CodecError("not a JPEG stream (it does not start with the SOI marker FF D8)")
    }
    var index = 2
    while index + 1 < stream.count {
      guard stream[index] == 0xFF else {  // stray bytes between segments, as libjpeg skips them
        index += 1
        continue
      }
      let code = stream[index + 1]
      index += 2
      if code == 0xFF {  // fill byte: the marker code follows
        index -= 1
        continue
      }
      if code == 0xD9 || (code == 0xDA && found == nil) {
        throw CodecError("JPEG stream reaches FF\(hex(code)) before any frame header")
      }
      if code == 0x01 || (0xD0...0xD8).contains(code) { continue }  // no length field
      guard index + 1 < stream.count else { break }
      let length = Int(stream[index]) << 8 | Int(stream[index + 1])
      guard length >= 2, index + length <= stream.count else {
        throw CodecError("JPEG segment FF\(hex(code)) at byte \(index - 2) overruns the stream")
      }
      let isFrame = (0xC0...0xCF).contains(code) && ![0xC4, 0xC8, 0xCC].contains(code)
      if isFrame && found == nil {
        guard length >= 3 else {
          throw CodecError("JPEG frame header FF\(hex(code)) is too short")
        }
        found = (code, Int(stream[index + 2]))
      }
      if code == 0xDA, let found {
        try Self.checkScanHeader(stream, at: index, length: length, frameMarker: found.marker)
        break
      }
      index += length
    }
    guard let found else { throw CodecError("JPEG stream ends before its frame header") }
    marker = found.marker
    precision = found.precision
  }

  private static func checkScanHeader(
    _ stream: [UInt8], at index: Int, length: Int, frameMarker: UInt8
  ) throws(CodecError) {
    guard [0xC0, 0xC1, 0xC9].contains(frameMarker) else { return }
    let components = Int(stream[index + 2])
    let spectral = index + 3 + 2 * components
    guard spectral + 2 < index + length else {
      throw CodecError("JPEG scan header at byte \(index - 2) is too short")
    }
    let start = stream[spectral]
    let end = stream[spectral + 1]
    let approximation = stream[spectral + 2]
    guard start == 0, end == 63, approximation == 0 else {
      throw CodecError(
        "invalid scan header at byte \(index - 2) for a sequential DCT frame: Ss \(start), "
          + "Se \(end), Ah/Al \(approximation) (T.81 requires 0, 63, 0)")
    }
  }
}

private func hex(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
