/// Writing a laid-out pass: runs of 4 or more where they fit, single columns elsewhere.
///
/// Bytes, not runs, are what count: a run shorter than 4 costs a byte per column whatever its
/// characters, so only runs of 4 or more matter, and each costs `!n c` (3 to 5 bytes) however
/// long. Going left to right, a run starts at the first column from which 4 columns can share a
/// character and is taken as far as it goes; every other column is written alone, with just the
/// bits it needs. On the benchmark frames this gave 1.5-2% fewer bytes than the fewest runs
/// (greedy longest runs from every column). Choosing the runs by dynamic programming saved
/// another 1% but took longer than the rest of the encoder.
extension SixelPassColumns {
  /// Writes the pass at `out` and returns the end. Room needed: a byte per column, a selection
  /// (at most 4 bytes) per colour change, and 8 bytes of slack.
  func write(to start: UnsafeMutablePointer<UInt8>, maxRepeat: Int) -> UnsafeMutablePointer<UInt8> {
    var out = start
    var change = 0
    var column = 0
    if origin > 0 {
      if changeCount > 0 && changeColumn[0] == 0 {
        // The colour changes where the first segment starts, so the columns before it are a run
        // of their own.
        out = SixelPassColumns.write(run: origin, of: 0x3F, at: out, maxRepeat: maxRepeat)
      } else {
        let (end, bits) = longestRun(from: 0, low: 0, high: leadAllowed)
        out = SixelPassColumns.write(
          run: origin + end, of: bits &+ 0x3F, at: out, maxRepeat: maxRepeat)
        column = end
      }
    }
    while column < count {
      let runStart = nextRunStart(from: column)
      // Single columns up to the run, with the selections among them.
      while column < runStart {
        let stop =
          change < changeCount ? Swift.min(Int(changeColumn[change]), runStart) : runStart
        if stop == column {
          out = select(Int(changeRegister[change]), at: out)
          change += 1
          continue
        }
        out = writeSingles(from: column, upTo: stop, at: out)
        column = stop
      }
      guard runStart < count else { break }
      if change < changeCount && Int(changeColumn[change]) == runStart {
        out = select(Int(changeRegister[change]), at: out)
        change += 1
      }
      let (end, bits) = longestRun(
        from: runStart + 1, low: needed[runStart], high: allowed[runStart])
      out = SixelPassColumns.write(
        run: end - runStart, of: bits &+ 0x3F, at: out, maxRepeat: maxRepeat)
      column = end
    }
    return out
  }

  /// The first column at or after `start` from which 4 columns can share a character, or
  /// `count`.
  @inline(__always)
  private func nextRunStart(from start: Int) -> Int {
    guard start < count else { return count }
    var word = start >> 6
    var bits = runStarts[word] & (~0 << UInt64(start & 63))
    let words = (count + 63) >> 6
    while bits == 0 {
      word += 1
      guard word < words else { return count }
      bits = runStarts[word]
    }
    return Swift.min(word << 6 + bits.trailingZeroBitCount, count)
  }

  /// The end (exclusive) of a run that needs `low` and allows `high` so far, taken on from
  /// `start` as far as it goes, and the bits its columns need.
  ///
  /// Eight columns at a time: byte i of the running OR of needs and AND of allows describes the
  /// run through column i, so the first byte where a needed bit is not allowed is where it stops.
  @inline(__always)
  private func longestRun(from start: Int, low: UInt8, high: UInt8) -> (end: Int, bits: UInt8) {
    var low = UInt64(low) &* 0x0101_0101_0101_0101
    var high = UInt64(high) &* 0x0101_0101_0101_0101
    var column = start
    while true {
      var need = UnsafeRawPointer(needed + column).loadUnaligned(as: UInt64.self)
      var allow = UnsafeRawPointer(allowed + column).loadUnaligned(as: UInt64.self)
      need |= need << 8
      need |= need << 16
      need |= need << 32
      allow &= allow << 8 | 0xFF
      allow &= allow << 16 | 0xFFFF
      allow &= allow << 32 | 0xFFFF_FFFF
      need |= low
      allow &= high
      let conflict = need & ~allow
      if conflict != 0 {
        // The end markers are never allowed, so a run stops by the last column.
        let stop = conflict.trailingZeroBitCount >> 3
        let bits = stop == 0 ? low : need >> UInt64(stop * 8 - 8)
        return (column &+ stop, UInt8(truncatingIfNeeded: bits) & 0x3F)
      }
      low = (need >> 56) &* 0x0101_0101_0101_0101
      high = (allow >> 56) &* 0x0101_0101_0101_0101
      column &+= 8
    }
  }

  /// Writes columns `start..<end` alone, each with the bits it needs, eight at a time.
  @inline(__always)
  private func writeSingles(
    from start: Int, upTo end: Int, at out: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    var column = start
    var out = out
    while column < end {
      let need = UnsafeRawPointer(needed + column).loadUnaligned(as: UInt64.self)
      UnsafeMutableRawPointer(out).storeBytes(
        of: (need & 0x3F3F_3F3F_3F3F_3F3F) &+ 0x3F3F_3F3F_3F3F_3F3F, as: UInt64.self)
      let written = Swift.min(8, end - column)
      out += written
      column += written
    }
    return out
  }

  private func select(_ register: Int, at out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    out.pointee = 0x23
    return SixelByteSink.writeDigits(register, to: out + 1)
  }

  /// Writes `length` copies of `character` as `!n c` chunks of at most `maxRepeat` (chunks shorter
  /// than 4 spelled out) and returns the end; never more bytes than `length`.
  static func write(
    run length: Int, of character: UInt8, at out: UnsafeMutablePointer<UInt8>, maxRepeat: Int
  ) -> UnsafeMutablePointer<UInt8> {
    var out = out
    var left = length
    while left > 0 {
      let chunk = Swift.min(left, maxRepeat)
      if chunk >= 4 {
        out.pointee = 0x21
        out = SixelByteSink.writeDigits(chunk, to: out + 1)
        out.pointee = character
        out += 1
      } else {
        for _ in 0..<chunk {
          out.pointee = character
          out += 1
        }
      }
      left -= chunk
    }
    return out
  }
}
