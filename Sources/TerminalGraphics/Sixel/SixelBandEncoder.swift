/// Encodes one 6-row band at a time: per-colour column masks, segments split at wide gaps, segments
/// packed into as few passes as possible, the first pass painted solid (the fill trick).
///
/// All working memory is allocated once per image and reused for every band.
struct SixelBandEncoder: ~Copyable {
  /// A colour's row is split where at least this many columns lack the colour. Splitting lets other
  /// colours use the gap but costs a `#n` and a skip; 10 gave the fewest bytes on the benchmark
  /// frames (6, 8, 12 and 16 were 0.1-0.7% larger).
  static let splittingGap = 10
  /// Last column of a colour with no open segment: far enough left to look like a wide gap.
  static let noColumn: Int32 = -1_000

  private let width: Int
  private let registerCount: Int
  private let maxRepeat: Int
  private let segmentCapacity: Int

  /// Six-bit masks, `registerCount` rows of `width` columns; zero outside the current band's
  /// segments, because emission clears every segment it writes.
  private let masks: UnsafeMutablePointer<UInt8>
  /// Bits painted by any colour in each column of the band, used by the fill pass.
  private let coverage: UnsafeMutablePointer<UInt8>
  /// Per register: the last column holding the colour in this band, or `noColumn`.
  private let lastColumn: UnsafeMutablePointer<Int32>
  /// Per register: the first column of the segment being built.
  private let openStart: UnsafeMutablePointer<Int32>

  private let segmentRegister: UnsafeMutablePointer<Int32>
  private let segmentStart: UnsafeMutablePointer<Int32>
  private let segmentEnd: UnsafeMutablePointer<Int32>
  /// Chains segments, first into per-column buckets by start, then into passes.
  private let segmentNext: UnsafeMutablePointer<Int32>
  /// Per column: the first segment starting there, or -1.
  private let bucketHead: UnsafeMutablePointer<Int32>

  private let passCursor: UnsafeMutablePointer<Int32>
  private let passHead: UnsafeMutablePointer<Int32>
  private let passTail: UnsafeMutablePointer<Int32>
  private var passCount = 0
  private var segmentCount = 0
  private var selectedRegister = -1

  init(width: Int, registerCount: Int, maxRepeat: Int) {
    self.width = width
    self.registerCount = registerCount
    self.maxRepeat = maxRepeat
    // A segment starts at a column holding its colour, and a column holds at most six colours.
    segmentCapacity = 6 * width + 8
    masks = .allocate(capacity: Swift.max(registerCount * width, 1))
    masks.initialize(repeating: 0, count: Swift.max(registerCount * width, 1))
    coverage = .allocate(capacity: Swift.max(width, 1))
    lastColumn = .allocate(capacity: registerCount + 1)
    lastColumn.initialize(repeating: SixelBandEncoder.noColumn, count: registerCount + 1)
    openStart = .allocate(capacity: registerCount + 1)
    openStart.initialize(repeating: 0, count: registerCount + 1)
    segmentRegister = .allocate(capacity: segmentCapacity)
    segmentStart = .allocate(capacity: segmentCapacity)
    segmentEnd = .allocate(capacity: segmentCapacity)
    segmentNext = .allocate(capacity: segmentCapacity)
    bucketHead = .allocate(capacity: Swift.max(width, 1))
    bucketHead.initialize(repeating: -1, count: Swift.max(width, 1))
    // Every pass holds at least one segment.
    passCursor = .allocate(capacity: segmentCapacity)
    passHead = .allocate(capacity: segmentCapacity)
    passTail = .allocate(capacity: segmentCapacity)
  }

  deinit {
    masks.deallocate()
    coverage.deallocate()
    lastColumn.deallocate()
    openStart.deallocate()
    segmentRegister.deallocate()
    segmentStart.deallocate()
    segmentEnd.deallocate()
    segmentNext.deallocate()
    bucketHead.deallocate()
    passCursor.deallocate()
    passHead.deallocate()
    passTail.deallocate()
  }

  /// Builds the segments and passes of the band whose top row starts at `bandTop` (rows `stride`
  /// bytes apart); returns whether the band paints anything.
  ///
  /// `registerOfIndex` has 256 entries; `SixelRegisterTable.unpainted` leaves a pixel untouched.
  mutating func analyse(
    bandTop: UnsafePointer<UInt8>, rows: Int, stride: Int, registerOfIndex: UnsafePointer<UInt16>
  ) -> Bool {
    segmentCount = 0
    passCount = 0
    // Locals, so the hot loop keeps them in registers instead of reloading `self`.
    let width = width
    let masks = masks
    let coverage = coverage
    let lastColumn = lastColumn
    let openStart = openStart
    let gap = SixelBandEncoder.splittingGap
    let unpainted = Int(SixelRegisterTable.unpainted)
    let fullMask = UInt8(truncatingIfNeeded: (1 << rows) - 1)

    /// Adds `bits` of column `x` to a colour's mask and opens or closes its segments.
    @inline(__always)
    func paint(_ register: Int, bits: UInt8, column x: Int) {
      // Masks are zero outside live segments (emission clears what it read), so OR is enough.
      masks[register &* width &+ x] |= bits
      let last = Int(lastColumn[register])
      // Also true for a colour with no open segment: its last column is far to the left.
      if x &- last > gap {
        if last >= 0 {
          closeSegment(register: register, start: Int(openStart[register]), end: last)
        }
        openStart[register] = Int32(truncatingIfNeeded: x)
      }
      lastColumn[register] = Int32(truncatingIfNeeded: x)
    }

    for x in 0..<width {
      let top = bandTop[x]
      var differs: UInt8 = 0
      var pixel = bandTop + x
      for _ in 1..<Swift.max(rows, 1) {
        pixel += stride
        differs |= pixel.pointee ^ top
      }
      // Uniform columns (air, bone, flat regions) are common and cost one update instead of six.
      if differs == 0 {
        let register = Int(registerOfIndex[Int(top)])
        if register == unpainted {
          coverage[x] = 0
        } else {
          coverage[x] = fullMask
          paint(register, bits: fullMask, column: x)
        }
        continue
      }
      var covered: UInt8 = 0
      pixel = bandTop + x
      for row in 0..<rows {
        let register = Int(registerOfIndex[Int(pixel.pointee)])
        pixel += stride
        if register == unpainted { continue }
        let bit = UInt8(truncatingIfNeeded: 1 << row)
        covered |= bit
        paint(register, bits: bit, column: x)
      }
      coverage[x] = covered
    }
    for register in 0..<registerCount where lastColumn[register] >= 0 {
      closeSegment(
        register: register, start: Int(openStart[register]), end: Int(lastColumn[register]))
      lastColumn[register] = SixelBandEncoder.noColumn
    }
    packSegments()
    return passCount > 0
  }

  /// Writes the passes built by the last `analyse`, separated by `$`, without a trailing `$`, and
  /// clears the masks it read so the next band starts from zero.
  mutating func emit(into sink: inout SixelByteSink) {
    for pass in 0..<passCount {
      if pass > 0 { sink.append(0x24) }
      var column = 0
      var segment = Int(passHead[pass])
      while segment >= 0 {
        let start = Int(segmentStart[segment])
        let end = Int(segmentEnd[segment])
        let register = Int(segmentRegister[segment])
        sink.appendRun(0x3F, length: start - column, maxRepeat: maxRepeat)
        if register != selectedRegister {
          sink.append(0x23)
          sink.appendNumber(register)
          selectedRegister = register
        }
        let maskRow = masks + register * width
        if pass == 0 {
          // Fill trick: the first pass paints every covered bit of its columns in one colour, which
          // makes long runs. First-pass segments never overlap, so every other colour in these
          // columns sits in a later pass and repaints exactly its own pixels; the fill colour stays
          // visible only where no later pass sets a bit, which is where it belongs. Uncovered
          // (transparent) bits are left alone.
          sink.appendSixels(coverage, from: start, through: end, maxRepeat: maxRepeat)
          (maskRow + start).update(repeating: 0, count: end - start + 1)
        } else {
          sink.appendSixels(
            maskRow, from: start, through: end, maxRepeat: maxRepeat, clearing: true)
        }
        column = end + 1
        segment = Int(segmentNext[segment])
      }
    }
  }

  @inline(__always)
  private mutating func closeSegment(register: Int, start: Int, end: Int) {
    // Unreachable by the capacity argument in `init`; kept so a mistake there cannot write past
    // the buffers.
    guard segmentCount < segmentCapacity else { return }
    let segment = segmentCount
    segmentCount += 1
    segmentRegister[segment] = Int32(truncatingIfNeeded: register)
    segmentStart[segment] = Int32(truncatingIfNeeded: start)
    segmentEnd[segment] = Int32(truncatingIfNeeded: end)
    segmentNext[segment] = bucketHead[start]
    bucketHead[start] = Int32(truncatingIfNeeded: segment)
  }

  /// First fit in order of start column: a segment joins the first pass whose cursor is at or left
  /// of its start. For intervals taken in start order this opens the fewest passes possible.
  private mutating func packSegments() {
    for x in 0..<width where bucketHead[x] >= 0 {
      var segment = Int(bucketHead[x])
      bucketHead[x] = -1
      while segment >= 0 {
        let next = Int(segmentNext[segment])
        segmentNext[segment] = -1
        var pass = 0
        while pass < passCount && Int(passCursor[pass]) > x { pass += 1 }
        if pass == passCount {
          passCount += 1
          passHead[pass] = Int32(truncatingIfNeeded: segment)
        } else {
          segmentNext[Int(passTail[pass])] = Int32(truncatingIfNeeded: segment)
        }
        passTail[pass] = Int32(truncatingIfNeeded: segment)
        passCursor[pass] = segmentEnd[segment] + 1
        segment = next
      }
    }
  }
}
