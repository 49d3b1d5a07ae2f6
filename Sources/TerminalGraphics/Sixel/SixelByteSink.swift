/// A growable byte buffer for the encoder's hot path: one capacity check per byte, no Array overhead.
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

  /// Writes `length` copies of `byte`, as `!n` chunks of at most `maxRepeat` when a chunk is 4 or
  /// longer (shorter chunks are cheaper spelled out).
  @inline(__always)
  mutating func appendRun(_ byte: UInt8, length: Int, maxRepeat: Int) {
    var left = length
    while left > 0 {
      let chunk = Swift.min(left, maxRepeat)
      if chunk >= 4 {
        append(0x21)
        appendNumber(chunk)
        append(byte)
      } else {
        for _ in 0..<chunk { append(byte) }
      }
      left -= chunk
    }
  }

  /// Writes columns `start...end` of six-bit masks as sixel characters, runs of 4 or more as `!n`
  /// (split at `maxRepeat`); with `clearing`, zeroes each mask after reading it.
  ///
  /// Each column is written as a character first and a finished run of 4 or more is rewritten in
  /// place as `!n c`, which is never longer: noisy rows then cost no unpredictable branch per column.
  mutating func appendSixels(
    _ masks: UnsafeMutablePointer<UInt8>, from start: Int, through end: Int, maxRepeat: Int,
    clearing: Bool = false
  ) {
    guard start <= end else { return }
    let needed = end - start + 1
    if capacity - count < needed { grow(atLeast: needed) }
    var out = base + count
    // Below 4, `!n` never pays, so runs are never compressed.
    let longestRun = maxRepeat >= 4 ? maxRepeat : Int.max
    let compresses = maxRepeat >= 4
    var previous: UInt8 = 0
    var run = 0
    for column in start...end {
      let character = masks[column] &+ 0x3F
      if clearing { masks[column] = 0 }
      let continues = character == previous
      if !continues && run >= 4 && compresses {
        out = SixelByteSink.compressRun(endingAt: out, length: run, character: previous)
      }
      run = continues ? run &+ 1 : 1
      out.pointee = character
      out += 1
      previous = character
      if run == longestRun {
        out = SixelByteSink.compressRun(endingAt: out, length: run, character: character)
        run = 0
        // 0 is no sixel character, so the next column starts a new run.
        previous = 0
      }
    }
    if run >= 4 && compresses {
      out = SixelByteSink.compressRun(endingAt: out, length: run, character: previous)
    }
    count = out - base
  }

  /// Replaces the `length` (at least 4) copies of `character` just before `end` by `!length
  /// character` and returns the new end.
  @inline(__always)
  private static func compressRun(
    endingAt end: UnsafeMutablePointer<UInt8>, length: Int, character: UInt8
  ) -> UnsafeMutablePointer<UInt8> {
    var out = end - length
    out.pointee = 0x21
    out = writeDigits(length, to: out + 1)
    out.pointee = character
    return out + 1
  }

  /// Writes a non-negative decimal number (at most 19 digits) at `out` and returns the position
  /// after it.
  @inline(__always)
  private static func writeDigits(_ value: Int, to out: UnsafeMutablePointer<UInt8>)
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

  /// Copies the bytes written so far into an array.
  func bytes() -> [UInt8] {
    [UInt8](UnsafeBufferPointer(start: base, count: count))
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
