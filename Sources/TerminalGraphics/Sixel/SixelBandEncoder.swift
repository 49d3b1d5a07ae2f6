/// Encodes one 6-row band at a time: per-colour column masks, segments split at wide gaps, segments
/// laid out in passes (`SixelBandEncoder+Layout.swift`), and each pass written column by column
/// with don't-care bits (`SixelPassColumns`).
///
/// All working memory is allocated once per image and reused for every band.
struct SixelBandEncoder: ~Copyable {
  /// A colour's row is split where more than this many columns lack the colour. Splitting lets
  /// other colours use the gap but costs a `#n` and a skip; with the density layout and don't-care
  /// runs 20 gave the fewest bytes on the benchmark frames (12, 16 and 24 were up to 0.7% larger).
  static let splittingGap = 20
  /// Last column of a colour with no open segment: far enough left to look like a wide gap.
  static let noColumn: Int32 = -1_000

  let width: Int
  let registerCount: Int
  let maxRepeat: Int
  let segmentCapacity: Int

  /// Six-bit masks, `registerCount` rows of `width` columns; zero outside the current band's
  /// segments, because emission clears every segment it writes.
  let masks: UnsafeMutablePointer<UInt8>
  /// Per column, the bits painted by any colour; emission turns it into the bits no pass has
  /// finished yet.
  let coverage: UnsafeMutablePointer<UInt8>
  /// Per register: the last column holding the colour in this band, or `noColumn`.
  let lastColumn: UnsafeMutablePointer<Int32>
  /// Per register: the number written for it in `#n`, or -1 while no band has painted with it.
  /// The first `rankedCount` registers keep their own numbers; the others are numbered when first
  /// painted, so the numbers in use are always 0 up to the count of colours used.
  let numberOfRegister: UnsafeMutablePointer<Int32>
  private var nextNumber: Int32
  /// Per register from -2 on (index + 2): the bytes of its `#n`, 2 for -2 and -1 (no register).
  let selectionCost: UnsafeMutablePointer<UInt8>
  /// Per register: the first column and the pixel count of the segment being built.
  let openStart: UnsafeMutablePointer<Int32>
  let openPixels: UnsafeMutablePointer<Int32>

  let segmentRegister: UnsafeMutablePointer<Int32>
  let segmentStart: UnsafeMutablePointer<Int32>
  let segmentEnd: UnsafeMutablePointer<Int32>
  let segmentPixels: UnsafeMutablePointer<Int32>
  /// Chains segments, first into per-column buckets by start, then into passes.
  let segmentNext: UnsafeMutablePointer<Int32>
  /// Per column: the first segment starting there, or -1.
  let bucketHead: UnsafeMutablePointer<Int32>
  /// A bit per column whose bucket holds a segment, so that collecting skips the empty ones.
  let bucketUsed: UnsafeMutablePointer<UInt64>

  /// Layout scratch: segments in order of start, and wide segments keyed by density.
  let byStart: UnsafeMutablePointer<Int32>
  let byDensity: UnsafeMutablePointer<UInt64>
  /// Per pass: its first and last segment, and the insertion cursor of the layout.
  let passHead: UnsafeMutablePointer<Int32>
  let passTail: UnsafeMutablePointer<Int32>
  let passCursor: UnsafeMutablePointer<Int32>
  /// Per pass, copied from the segments around the cursor: what an insertion there costs.
  let cursorPreviousEnd: UnsafeMutablePointer<Int32>
  let cursorPreviousRegister: UnsafeMutablePointer<Int32>
  let cursorNextStart: UnsafeMutablePointer<Int32>
  let cursorNextRegister: UnsafeMutablePointer<Int32>
  /// Per column, one bit for each of the first 64 passes that holds a segment there.
  let passesAt: UnsafeMutablePointer<UInt64>
  /// Byte counts of runs and selections, for the layout's cost estimates.
  let layoutCosts: UnsafeMutablePointer<UInt8>

  /// The pass being written, column by column.
  var passColumns: SixelPassColumns

  var passCount = 0
  var segmentCount = 0
  private var selectedRegister = -1

  /// `rankedCount`: registers below it are known to be used and keep their numbers.
  init(width: Int, registerCount: Int, rankedCount: Int, maxRepeat: Int) {
    self.width = width
    self.registerCount = registerCount
    self.maxRepeat = maxRepeat
    passColumns = SixelPassColumns(width: width)
    // A segment starts at a column holding its colour, and a column holds at most six colours.
    segmentCapacity = 6 * width + 8
    masks = .allocate(capacity: Swift.max(registerCount * width, 1))
    masks.initialize(repeating: 0, count: Swift.max(registerCount * width, 1))
    coverage = .allocate(capacity: Swift.max(width, 1))
    lastColumn = .allocate(capacity: registerCount + 1)
    lastColumn.initialize(repeating: SixelBandEncoder.noColumn, count: registerCount + 1)
    numberOfRegister = .allocate(capacity: registerCount + 1)
    let ranked = Swift.min(Swift.max(rankedCount, 0), registerCount)
    for register in 0...registerCount {
      numberOfRegister[register] = register < ranked ? Int32(register) : -1
    }
    nextNumber = Int32(ranked)
    // Registers numbered later get their cost then; until then no segment refers to them.
    selectionCost = .allocate(capacity: registerCount + 3)
    selectionCost.initialize(repeating: 2, count: registerCount + 3)
    for register in 0..<ranked {
      selectionCost[register + 2] = SixelBandEncoder.selectionBytes(register)
    }
    openStart = .allocate(capacity: registerCount + 1)
    openStart.initialize(repeating: 0, count: registerCount + 1)
    openPixels = .allocate(capacity: registerCount + 1)
    openPixels.initialize(repeating: 0, count: registerCount + 1)
    segmentRegister = .allocate(capacity: segmentCapacity)
    segmentStart = .allocate(capacity: segmentCapacity)
    segmentEnd = .allocate(capacity: segmentCapacity)
    segmentPixels = .allocate(capacity: segmentCapacity)
    segmentNext = .allocate(capacity: segmentCapacity)
    bucketHead = .allocate(capacity: Swift.max(width, 1))
    bucketHead.initialize(repeating: -1, count: Swift.max(width, 1))
    bucketUsed = .allocate(capacity: Swift.max(width, 1) / 64 + 1)
    bucketUsed.initialize(repeating: 0, count: Swift.max(width, 1) / 64 + 1)
    byStart = .allocate(capacity: segmentCapacity)
    byDensity = .allocate(capacity: segmentCapacity)
    // Every pass holds at least one segment.
    passHead = .allocate(capacity: segmentCapacity)
    passTail = .allocate(capacity: segmentCapacity)
    passCursor = .allocate(capacity: segmentCapacity)
    passesAt = .allocate(capacity: Swift.max(width, 1))
    layoutCosts = SixelBandEncoder.makeLayoutCosts()
    cursorPreviousEnd = .allocate(capacity: segmentCapacity)
    cursorPreviousRegister = .allocate(capacity: segmentCapacity)
    cursorNextStart = .allocate(capacity: segmentCapacity)
    cursorNextRegister = .allocate(capacity: segmentCapacity)
  }

  deinit {
    masks.deallocate()
    coverage.deallocate()
    lastColumn.deallocate()
    numberOfRegister.deallocate()
    selectionCost.deallocate()
    openStart.deallocate()
    openPixels.deallocate()
    segmentRegister.deallocate()
    segmentStart.deallocate()
    segmentEnd.deallocate()
    segmentPixels.deallocate()
    segmentNext.deallocate()
    bucketHead.deallocate()
    bucketUsed.deallocate()
    byStart.deallocate()
    byDensity.deallocate()
    passHead.deallocate()
    passTail.deallocate()
    passCursor.deallocate()
    passesAt.deallocate()
    layoutCosts.deallocate()
    cursorPreviousEnd.deallocate()
    cursorPreviousRegister.deallocate()
    cursorNextStart.deallocate()
    cursorNextRegister.deallocate()
  }

  /// Per register: its number in `#n`, or -1 when no band analysed so far paints with it.
  var registerNumbers: [Int] {
    (0..<registerCount).map { Int(numberOfRegister[$0]) }
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
    let openPixels = openPixels
    let gap = SixelBandEncoder.splittingGap
    let unpainted = Int(SixelRegisterTable.unpainted)
    let fullMask = UInt8(truncatingIfNeeded: (1 << rows) - 1)
    let fullCount = Int32(truncatingIfNeeded: rows)

    /// Adds `bits` (`count` of them) of column `x` to a colour's mask and opens or closes its
    /// segments.
    @inline(__always)
    func paint(_ register: Int, bits: UInt8, count: Int32, column x: Int) {
      // Masks are zero outside live segments (emission clears what it read), so OR is enough.
      masks[register &* width &+ x] |= bits
      let last = Int(lastColumn[register])
      // Also true for a colour with no open segment: its last column is far to the left.
      if x &- last > gap {
        if last >= 0 {
          closeSegment(
            register: register, start: Int(openStart[register]), end: last,
            pixels: openPixels[register])
        }
        openStart[register] = Int32(truncatingIfNeeded: x)
        openPixels[register] = 0
      }
      openPixels[register] &+= count
      lastColumn[register] = Int32(truncatingIfNeeded: x)
    }

    let fullMasks = UInt64(fullMask) &* 0x0101_0101_0101_0101
    var x = 0
    while x < width {
      defer { x &+= 1 }
      // Eight columns of one value (air, mostly) are painted at once: the first column opens or
      // continues the segment as `paint` would, the other seven extend it.
      if x & 7 == 0 && x &+ 8 <= width,
        let register = uniformBlockRegister(
          bandTop + x, rows: rows, stride: stride, registerOfIndex: registerOfIndex)
      {
        if register == unpainted {
          UnsafeMutableRawPointer(coverage + x).storeBytes(of: 0, as: UInt64.self)
        } else {
          UnsafeMutableRawPointer(coverage + x).storeBytes(of: fullMasks, as: UInt64.self)
          paint(register, bits: fullMask, count: fullCount, column: x)
          let row = UnsafeMutableRawPointer(masks + (register &* width &+ x))
          row.storeBytes(of: row.loadUnaligned(as: UInt64.self) | fullMasks, as: UInt64.self)
          openPixels[register] &+= 7 &* fullCount
          lastColumn[register] = Int32(truncatingIfNeeded: x &+ 7)
        }
        x &+= 7
        continue
      }
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
          paint(register, bits: fullMask, count: fullCount, column: x)
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
        paint(register, bits: bit, count: 1, column: x)
      }
      coverage[x] = covered
    }
    for register in 0..<registerCount where lastColumn[register] >= 0 {
      closeSegment(
        register: register, start: Int(openStart[register]), end: Int(lastColumn[register]),
        pixels: openPixels[register])
      lastColumn[register] = SixelBandEncoder.noColumn
    }
    layOutPasses()
    return passCount > 0
  }

  /// The register of the eight columns from `top` when all their pixels hold one value, else nil.
  @inline(__always)
  private func uniformBlockRegister(
    _ top: UnsafePointer<UInt8>, rows: Int, stride: Int, registerOfIndex: UnsafePointer<UInt16>
  ) -> Int? {
    let value = top.pointee
    let block = UInt64(value) &* 0x0101_0101_0101_0101
    var row = top
    for _ in 0..<rows {
      guard UnsafeRawPointer(row).loadUnaligned(as: UInt64.self) == block else { return nil }
      row += stride
    }
    return Int(registerOfIndex[Int(value)])
  }

  /// Writes the passes built by the last `analyse`, separated by `$`, without a trailing `$`, and
  /// clears the masks it read so the next band starts from zero.
  ///
  /// `coverage` serves as the pixels no pass has finished yet: a pass may also paint those in
  /// the columns it crosses, including columns between its segments, because a later pass
  /// repaints them.
  mutating func emit(into sink: inout SixelByteSink) {
    // A pass writes at most one byte per column up to its last segment, plus `$`, plus a
    // selection (`#` and at most 5 digits) per segment, plus 8 bytes of slack.
    sink.reserve(passCount * (width + 1) + segmentCount * 6 + 16)
    var out = sink.end
    for pass in 0..<passCount {
      if pass > 0 {
        out.pointee = 0x24
        out += 1
      }
      passColumns.begin()
      var segment = Int(passHead[pass])
      while segment >= 0 {
        let register = Int(segmentRegister[segment])
        passColumns.addSegment(
          masks + register * width, from: Int(segmentStart[segment]),
          through: Int(segmentEnd[segment]), register: Int(numberOfRegister[register]),
          selects: register != selectedRegister)
        selectedRegister = register
        segment = Int(segmentNext[segment])
      }
      passColumns.finish(pending: coverage)
      out = passColumns.write(to: out, maxRepeat: maxRepeat)
    }
    sink.commit(upTo: out)
  }

  @inline(__always)
  private mutating func closeSegment(register: Int, start: Int, end: Int, pixels: Int32) {
    // Unreachable by the capacity argument in `init`; kept so a mistake there cannot write past
    // the buffers.
    guard segmentCount < segmentCapacity else { return }
    let segment = segmentCount
    segmentCount += 1
    segmentRegister[segment] = Int32(truncatingIfNeeded: register)
    if numberOfRegister[register] < 0 {
      numberOfRegister[register] = nextNumber
      selectionCost[register + 2] = SixelBandEncoder.selectionBytes(Int(nextNumber))
      nextNumber += 1
    }
    segmentStart[segment] = Int32(truncatingIfNeeded: start)
    segmentEnd[segment] = Int32(truncatingIfNeeded: end)
    segmentPixels[segment] = pixels
    segmentNext[segment] = bucketHead[start]
    bucketHead[start] = Int32(truncatingIfNeeded: segment)
    bucketUsed[start >> 6] |= 1 << UInt64(start & 63)
  }
}
