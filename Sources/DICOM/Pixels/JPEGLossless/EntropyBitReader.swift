/// Reads the entropy-coded data of one JPEG scan most significant bit first (T.81 F.2.2.5).
///
/// Removes byte stuffing (FF 00) and stops at the first marker, after which it supplies zero
/// bits. Those padding bits are counted so that a decoder that consumes any of them can tell
/// the scan was truncated instead of silently decoding zeros.
struct EntropyBitReader {
  let stream: UnsafeBufferPointer<UInt8>
  /// The next byte to load; at a marker (its first FF) or the end once `stopped` is set.
  private(set) var position: Int
  /// Unconsumed bits, left-aligned.
  private(set) var bits: UInt64 = 0
  private(set) var bitCount = 0
  /// How many of the last `bitCount` bits are padding supplied after the data ended.
  private var paddingBits = 0
  /// Whether loading stopped at a marker or at the end of the stream.
  private var stopped = false

  init(stream: UnsafeBufferPointer<UInt8>, position: Int) {
    self.stream = stream
    self.position = position
  }

  /// Whether bits past the end of the entropy-coded data have been consumed.
  var hasOverrun: Bool { bitCount < paddingBits }

  /// Where decoding is, for error messages: the offset of the byte holding the next unread bit.
  var byteOffset: Int {
    var unreadBytes = max(0, bitCount - paddingBits + 7) / 8
    var offset = position
    // Step back over the loaded but unread data bytes; a stuffed FF 00 is one of them.
    while unreadBytes > 0, offset > 0 {
      offset -= 1
      if stream[offset] == 0, offset > 0, stream[offset - 1] == 0xFF { offset -= 1 }
      unreadBytes -= 1
    }
    return offset
  }

  /// What stopped the data, for error messages.
  var stopDescription: String {
    var marker = position
    while marker + 1 < stream.count, stream[marker + 1] == 0xFF { marker += 1 }
    return marker + 1 < stream.count
      ? "marker FF\(twoDigitHex(stream[marker + 1])) at byte offset \(marker)"
      : "the end of the data at byte offset \(stream.count)"
  }

  /// Makes at least 57 bits available (the caller consumes at most 32 between refills).
  @inline(__always)
  mutating func refillIfBelow32Bits() {
    if bitCount < 32 { refill() }
  }

  // Inlined so that a decoder's local copy of the reader can live in registers.
  @inline(__always)
  mutating func refill() {
    if !stopped, stream.count - position >= 8, let base = stream.baseAddress {
      let word = UInt64(bigEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      // Without an FF byte among the next 8 there is no stuffing or marker: take whole bytes
      // at once. The bits of a partly taken byte land where the next refill puts it again.
      let inverted = ~word
      if (inverted &- 0x0101_0101_0101_0101) & ~inverted & 0x8080_8080_8080_8080 == 0 {
        let taken = (64 - bitCount) >> 3
        bits |= word &>> bitCount
        bitCount += taken << 3
        position += taken
        return
      }
    }
    while bitCount <= 56 {
      var byte: UInt8 = 0
      if !stopped, position < stream.count {
        byte = stream[position]
        if byte != 0xFF {
          position += 1
        } else if position + 1 < stream.count, stream[position + 1] == 0 {
          position += 2
        } else {
          // A marker, fill bytes before one, or a lone FF at the very end.
          stopped = true
          byte = 0
        }
      } else {
        stopped = true
      }
      if stopped { paddingBits += 8 }
      bits |= UInt64(byte) &<< (56 - bitCount)
      bitCount += 8
    }
  }

  /// The next `count` (1...16) bits without consuming them; needs a refill beforehand.
  @inline(__always)
  func peek(_ count: Int) -> Int {
    Int(truncatingIfNeeded: bits &>> (64 - count))
  }

  /// Drops `count` (0...32) bits; needs a refill beforehand.
  @inline(__always)
  mutating func consume(_ count: Int) {
    bits = bits &<< count
    bitCount &-= count
  }

  /// Drops the rest of a restart interval and the RSTn marker after it (T.81 E.2.4).
  ///
  /// Bytes between the end of the interval's data and the marker are skipped, as libjpeg
  /// does; any marker other than RSTn there means intervals are missing or the data is cut.
  mutating func skipToRestartMarker() throws(CodecError) {
    bits = 0
    bitCount = 0
    paddingBits = 0
    stopped = false
    guard let marker = Self.nextMarker(in: stream, from: position) else {
      throw CodecError(
        "JPEG data ends at byte offset \(stream.count) where a restart marker (RSTn) was due")
    }
    guard (0xD0...0xD7).contains(stream[marker + 1]) else {
      throw CodecError(
        "JPEG restart marker (RSTn) expected at byte offset \(position), found marker"
          + " FF\(twoDigitHex(stream[marker + 1])) at byte offset \(marker)")
    }
    position = marker + 2
  }

  /// Where the next marker starts (past fill bytes), skipping stuffed FF 00 and stray bytes.
  static func nextMarker(in stream: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index + 1 < stream.count {
      if stream[index] == 0xFF {
        let next = stream[index + 1]
        if next != 0 && next != 0xFF { return index }
        // FF 00 is a stuffed data byte; FF FF is a fill byte before the marker.
        index += next == 0 ? 2 : 1
      } else {
        index += 1
      }
    }
    return nil
  }
}

/// Two upper-case hex digits, for naming markers in messages.
func twoDigitHex(_ byte: UInt8) -> String {
  let digits = Array("0123456789ABCDEF")
  return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
