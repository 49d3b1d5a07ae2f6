/// One pass of a band laid out column by column for writing: what each column needs and allows,
/// and where the colour changes.
///
/// A pixel shows the colour of the last pass that sets its bit, so in a pass before its own its
/// bit may be set or not: a column needs its colour's pixels in this pass and allows, besides,
/// every pixel a later pass repaints (don't-care bits). Columns between the pass's segments need
/// nothing. A run of columns can share one character when every bit one of them needs is allowed
/// by all of them.
///
/// Two marker bits make runs stop where they must without a separate check. A column where the
/// colour changes needs a marker bit that the column just before it does not allow, so no run
/// crosses the change; changes take bits 6 and 7 in turn, so that a run from one change can reach
/// the column before the next. Both bits are allowed everywhere else, and the padding after the
/// last column needs both and allows nothing, so no run runs off the end.
struct SixelPassColumns: ~Copyable {
  /// Bits 6 and 7: colour changes and the end of the pass.
  static let markers: UInt8 = 0xC0
  /// Columns of padding after the last one, for 8-byte reads.
  static let padding = 16

  /// The most columns a pass can have: the image width.
  let capacity: Int
  /// Per column: bits 0-5 the pixels this pass finishes, bits 6-7 markers.
  let needed: UnsafeMutablePointer<UInt8>
  /// Per column: bits 0-5 the pixels this pass may paint (it finishes them, or a later pass
  /// repaints them), bits 6-7 markers.
  let allowed: UnsafeMutablePointer<UInt8>
  /// Per colour change, its column and the register selected there, left to right.
  let changeColumn: UnsafeMutablePointer<Int32>
  let changeRegister: UnsafeMutablePointer<Int32>
  /// Bit per column: 4 columns from there can share a character (a run can start there).
  let runStarts: UnsafeMutablePointer<UInt64>
  /// The pass's column of index 0. A pass that starts with 4 or more columns needing nothing
  /// (most do: the air beside the head) leaves them out; they make one run, which only needs the
  /// bits all of them allow, `leadAllowed`.
  private(set) var origin = 0
  private(set) var leadAllowed: UInt8 = 0
  /// Columns from `origin` to the end of the last segment.
  private(set) var count = 0
  private(set) var changeCount = 0

  /// Room for passes of up to `width` columns.
  init(width: Int) {
    capacity = Swift.max(width, 1)
    needed = .allocate(capacity: capacity + SixelPassColumns.padding)
    allowed = .allocate(capacity: capacity + SixelPassColumns.padding)
    changeColumn = .allocate(capacity: capacity)
    changeRegister = .allocate(capacity: capacity)
    runStarts = .allocate(capacity: capacity / 64 + 2)
  }

  deinit {
    needed.deallocate()
    allowed.deallocate()
    changeColumn.deallocate()
    changeRegister.deallocate()
    runStarts.deallocate()
  }

  /// The marker bit of the `index`th colour change: bits 6 and 7 in turn.
  @inline(__always)
  static func changeMarker(_ index: Int) -> UInt8 {
    index & 1 == 0 ? 0x40 : 0x80
  }

  /// Starts an empty pass.
  mutating func begin() {
    origin = 0
    count = 0
    changeCount = 0
  }

  /// Appends a segment on image columns `start...end`, right of the segments added before, whose
  /// colour needs `masks` (read and cleared there); the columns between segments need nothing.
  /// `register` is selected at `start` when `selects` is true.
  mutating func addSegment(
    _ masks: UnsafeMutablePointer<UInt8>, from start: Int, through end: Int, register: Int,
    selects: Bool
  ) {
    if count == 0 && changeCount == 0 { origin = start >= 4 ? start : 0 }
    let first = start - origin
    let last = end - origin
    guard first >= count, last >= first, end < capacity else { return }
    (needed + count).update(repeating: 0, count: first - count)
    (needed + first).update(from: masks + start, count: last - first + 1)
    (masks + start).update(repeating: 0, count: last - first + 1)
    if selects {
      needed[first] |= SixelPassColumns.changeMarker(changeCount)
      changeColumn[changeCount] = Int32(truncatingIfNeeded: first)
      changeRegister[changeCount] = Int32(truncatingIfNeeded: register)
      changeCount += 1
    }
    count = last + 1
  }

  /// Fills `allowed` from `pending` (the pixels no earlier pass finished, by image column), takes
  /// this pass's pixels out of `pending`, and finds where runs can start.
  mutating func finish(pending image: UnsafeMutablePointer<UInt8>) {
    leadAllowed = SixelPassColumns.markers | SixelPassColumns.commonBits(image, count: origin)
    let pending = image + origin
    var column = 0
    while column + 8 <= count {
      let open = UnsafeRawPointer(pending + column).loadUnaligned(as: UInt64.self)
      let need = UnsafeRawPointer(needed + column).loadUnaligned(as: UInt64.self)
      UnsafeMutableRawPointer(allowed + column).storeBytes(
        of: open | 0xC0C0_C0C0_C0C0_C0C0, as: UInt64.self)
      UnsafeMutableRawPointer(pending + column).storeBytes(of: open & ~need, as: UInt64.self)
      column += 8
    }
    while column < count {
      allowed[column] = pending[column] | SixelPassColumns.markers
      pending[column] &= ~needed[column]
      column += 1
    }
    for change in 0..<changeCount where changeColumn[change] > 0 {
      allowed[Int(changeColumn[change]) - 1] &= ~SixelPassColumns.changeMarker(change)
    }
    (needed + count).update(repeating: SixelPassColumns.markers, count: SixelPassColumns.padding)
    (allowed + count).update(repeating: 0, count: SixelPassColumns.padding)
    findRunStarts()
  }

  /// The bits that all of `count` bytes have, eight at a time (all six when `count` is 0).
  private static func commonBits(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt8 {
    var common: UInt64 = ~0
    var index = 0
    while index + 8 <= count {
      common &= UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
      index += 8
    }
    common &= common >> 32
    common &= common >> 16
    common &= common >> 8
    var bits = UInt8(truncatingIfNeeded: common)
    while index < count {
      bits &= bytes[index]
      index += 1
    }
    return bits & 0x3F
  }

  /// Sets a bit in `runStarts` for every column from which 4 columns can share a character, eight
  /// columns at a time; the end mark keeps windows from reaching past the pass.
  private func findRunStarts() {
    var word = 0
    var column = 0
    while column < count {
      var bits: UInt64 = 0
      for part in 0..<8 {
        let base = column + part * 8
        guard base < count else { break }
        let conflicts =
          SixelPassColumns.windowConflicts(needed + base, allowed + base)
          | SixelPassColumns.windowConflicts(needed + base + 4, allowed + base + 4) << 4
        bits |= (~conflicts & 0xFF) << UInt64(part * 8)
      }
      runStarts[word] = bits
      word += 1
      column += 64
    }
  }

  /// Bit i (i < 4) set when the 4 columns from `i` cannot share a character.
  @inline(__always)
  private static func windowConflicts(
    _ needed: UnsafePointer<UInt8>, _ allowed: UnsafePointer<UInt8>
  ) -> UInt64 {
    var need = UnsafeRawPointer(needed).loadUnaligned(as: UInt64.self)
    var allow = UnsafeRawPointer(allowed).loadUnaligned(as: UInt64.self)
    need |= need >> 8
    need |= need >> 16
    allow &= allow >> 8
    allow &= allow >> 16
    let conflict = need & ~allow
    // 0x80 in every byte that is not zero, then one bit per byte; bytes 4-7 are dropped.
    let nonzero =
      ((conflict & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F | conflict)
      & 0x8080_8080_8080_8080
    return ((nonzero >> 7) &* 0x0102_0408_1020_4080) >> 56 & 0x0F
  }
}
