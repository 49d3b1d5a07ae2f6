/// A growable byte buffer for the encoder: one capacity check per byte, or one per band for
/// writers that fill reserved room directly.
struct SixelByteSink: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = Swift.max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow() }
    base[count] = byte
    count += 1
  }

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes in
      for byte in bytes { append(byte) }
    }
  }

  /// Writes a non-negative decimal number; negative values are written as 0.
  @inline(__always)
  mutating func appendNumber(_ value: Int) {
    if capacity - count < 20 { grow(atLeast: 20) }
    count = SixelByteSink.writeDigits(Swift.max(value, 0), to: base + count) - base
  }

  /// Makes room for at least `extra` more bytes, so that a writer may fill them through `end`.
  mutating func reserve(_ extra: Int) {
    if capacity - count < extra { grow(atLeast: extra) }
  }

  /// Where the next byte goes; valid until the next append or `reserve`.
  var end: UnsafeMutablePointer<UInt8> { base + count }

  /// Takes the bytes a writer put between `end` and `newEnd`, which must lie inside the reserved
  /// room.
  mutating func commit(upTo newEnd: UnsafeMutablePointer<UInt8>) {
    count = newEnd - base
  }

  /// Writes a non-negative decimal number (at most 19 digits) at `out` and returns the position
  /// after it; numbers below 1000 (repeat counts, registers) take a short path.
  @inline(__always)
  static func writeDigits(_ value: Int, to out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    if value < 10 {
      out[0] = UInt8(truncatingIfNeeded: 48 &+ value)
      return out + 1
    }
    if value < 100 {
      out[0] = UInt8(truncatingIfNeeded: 48 &+ value / 10)
      out[1] = UInt8(truncatingIfNeeded: 48 &+ value % 10)
      return out + 2
    }
    if value < 1000 {
      out[0] = UInt8(truncatingIfNeeded: 48 &+ value / 100)
      out[1] = UInt8(truncatingIfNeeded: 48 &+ value / 10 % 10)
      out[2] = UInt8(truncatingIfNeeded: 48 &+ value % 10)
      return out + 3
    }
    return writeLongDigits(value, to: out)
  }

  private static func writeLongDigits(_ value: Int, to out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    var digits = 1
    var scale = 10
    while scale <= value && digits < 19 {
      digits += 1
      scale = scale.multipliedReportingOverflow(by: 10).overflow ? Int.max : scale * 10
    }
    var rest = value
    for position in stride(from: digits - 1, through: 0, by: -1) {
      out[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
      rest /= 10
    }
    return out + digits
  }

  /// Copies the bytes written so far and then those of `next` into one array.
  func bytes(followedBy next: borrowing SixelByteSink) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: count + next.count) { buffer, initialized in
      guard let destination = buffer.baseAddress else { return }
      destination.update(from: base, count: count)
      (destination + count).update(from: next.base, count: next.count)
      initialized = count + next.count
    }
  }

  private mutating func grow(atLeast extra: Int = 1) {
    let larger = Swift.max(capacity * 2, count + extra)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
    moved.update(from: base, count: count)
    base.deallocate()
    base = moved
    capacity = larger
  }
}
