/// Laying out a band's segments in passes.
///
/// Two things decide the bytes. Don't-care bits give runs only where earlier passes finished few
/// pixels, so sparse colours go to early passes and dense ones late: wide segments are placed in
/// order of density (pixels per column), each in the lowest pass where its columns are free. On
/// the benchmark frames this saved 2-4% over first fit in order of start, and came within about 3%
/// of what a long random search over the same segments found. Narrow segments (rare colours, a
/// few stray pixels) would mostly add passes that way; they are slotted, left to right, into the
/// pass where they cost the fewest extra selection and skip bytes (another 1-1.5%).
extension SixelBandEncoder {
  /// Segments at most this wide are slotted by cost instead of by density; 30 gave the fewest
  /// bytes on the benchmark frames (12, 20, 40 and 60 were up to 0.6% larger).
  static let narrowWidth = 30

  mutating func layOutPasses() {
    passCount = 0
    let wideCount = collectByStart()
    guard segmentCount > 0 else { return }
    placeWideSegments(count: wideCount)
    chainWideSegments()
    slotNarrowSegments()
  }

  /// Empties the start buckets into `byStart`, and writes the wide segments to `byDensity` keyed by
  /// density; returns how many are wide.
  private func collectByStart() -> Int {
    var ordered = 0
    var wide = 0
    for word in 0...(width >> 6) {
      var starts = bucketUsed[word]
      bucketUsed[word] = 0
      while starts != 0 {
        let x = word << 6 | starts.trailingZeroBitCount
        starts &= starts &- 1
        var segment = Int(bucketHead[x])
        bucketHead[x] = -1
        while segment >= 0 {
          byStart[ordered] = Int32(truncatingIfNeeded: segment)
          ordered += 1
          let start = Int(segmentStart[segment])
          let columns = Int(segmentEnd[segment]) - start + 1
          if columns > SixelBandEncoder.narrowWidth {
            // Pixels per column in 16.16 fixed point (at most 6 per column), above the segment.
            let density = UInt64(Int(segmentPixels[segment]) << 16 / columns)
            byDensity[wide] = density << 32 | UInt64(segment)
            wide += 1
          }
          segment = Int(segmentNext[segment])
        }
      }
    }
    return wide
  }

  /// Puts each wide segment, sparsest first, in the lowest pass where its columns are free, and
  /// records the pass in `segmentNext` until the passes are chained.
  private mutating func placeWideSegments(count: Int) {
    // Insertion sort: a band has a few dozen wide segments, and the keys are distinct.
    for index in 1..<Swift.max(count, 1) {
      let key = byDensity[index]
      var slot = index
      while slot > 0 && byDensity[slot - 1] > key {
        byDensity[slot] = byDensity[slot - 1]
        slot -= 1
      }
      byDensity[slot] = key
    }
    passesAt.update(repeating: 0, count: width)
    for index in 0..<count {
      let segment = Int(truncatingIfNeeded: byDensity[index] & 0xFFFF_FFFF)
      let start = Int(segmentStart[segment])
      let end = Int(segmentEnd[segment])
      // The lowest tracked pass free on all the columns, or a new pass.
      let free = ~takenPasses(from: start, through: end) & trackedPasses
      let pass = free != 0 ? free.trailingZeroBitCount : passCount
      if pass == passCount { passCount += 1 }
      markTaken(pass: pass, from: start, through: end)
      segmentNext[segment] = Int32(truncatingIfNeeded: pass)
    }
  }

  /// Chains every pass's wide segments left to right.
  private func chainWideSegments() {
    for pass in 0..<passCount {
      passHead[pass] = -1
      passTail[pass] = -1
    }
    for index in 0..<segmentCount {
      let segment = Int(byStart[index])
      guard isWide(segment) else { continue }
      let pass = Int(segmentNext[segment])
      segmentNext[segment] = -1
      if passTail[pass] < 0 {
        passHead[pass] = Int32(truncatingIfNeeded: segment)
      } else {
        segmentNext[Int(passTail[pass])] = Int32(truncatingIfNeeded: segment)
      }
      passTail[pass] = Int32(truncatingIfNeeded: segment)
    }
  }

  /// Inserts the narrow segments, left to right, where they add the fewest bytes, or into a new
  /// pass when that is cheaper.
  private mutating func slotNarrowSegments() {
    // Per pass, a cursor: the last segment starting left of the one being placed, and the segment
    // after it, with the fields the cost needs copied out. Starts only grow, so cursors only move
    // forward. With no segment after the cursor, the next start is so far that the skips before
    // and after it cost the same, and its register (-2) differs from every other, so its terms
    // cancel.
    for pass in 0..<passCount {
      passCursor[pass] = -1
      cursorPreviousEnd[pass] = -1
      cursorPreviousRegister[pass] = -1
      setCursorNext(pass: pass, segment: Int(passHead[pass]))
    }
    for index in 0..<segmentCount {
      let segment = Int(byStart[index])
      guard !isWide(segment) else { continue }
      let start = Int(segmentStart[segment])
      let end = Int(segmentEnd[segment])
      let register = Int(segmentRegister[segment])
      let selection = selectionBytes(register)
      // Existing passes win ties with a new pass, and the lowest pass wins ties among them.
      var bestPass = -1
      var bestCost = 2 + runBytes(start) + selection
      var candidates = ~takenPasses(from: start, through: end) & trackedPasses
      while candidates != 0 {
        let pass = candidates.trailingZeroBitCount
        candidates &= candidates &- 1
        while Int(cursorNextStart[pass]) < start { advanceCursor(pass: pass) }
        // Skips on both sides and the selections the segment needs, less the skip and selection
        // it replaces.
        let freeColumn = Int(cursorPreviousEnd[pass]) &+ 1
        let previousRegister = Int(cursorPreviousRegister[pass])
        let nextStart = Int(cursorNextStart[pass])
        let nextRegister = Int(cursorNextRegister[pass])
        let nextSelection = selectionBytes(nextRegister)
        var cost = runBytes(start &- freeColumn)
        cost &+= runBytes(nextStart &- end &- 1)
        cost &-= runBytes(nextStart &- freeColumn)
        cost &+= register != previousRegister ? selection : 0
        cost &+= nextRegister != register ? nextSelection : 0
        cost &-= nextRegister != previousRegister ? nextSelection : 0
        let better = cost < bestCost
        bestCost = better ? cost : bestCost
        bestPass = better ? pass : bestPass
      }
      var pass = bestPass
      if pass < 0 {
        pass = passCount
        passCount += 1
        passHead[pass] = Int32(truncatingIfNeeded: segment)
        passTail[pass] = Int32(truncatingIfNeeded: segment)
        segmentNext[segment] = -1
        setCursorNext(pass: pass, segment: -1)
      } else {
        let previous = Int(passCursor[pass])
        let next = previous < 0 ? passHead[pass] : segmentNext[previous]
        segmentNext[segment] = next
        if previous < 0 {
          passHead[pass] = Int32(truncatingIfNeeded: segment)
        } else {
          segmentNext[previous] = Int32(truncatingIfNeeded: segment)
        }
        if next < 0 { passTail[pass] = Int32(truncatingIfNeeded: segment) }
      }
      passCursor[pass] = Int32(truncatingIfNeeded: segment)
      cursorPreviousEnd[pass] = Int32(truncatingIfNeeded: end)
      cursorPreviousRegister[pass] = Int32(truncatingIfNeeded: register)
      markTaken(pass: pass, from: start, through: end)
    }
  }

  @inline(__always)
  private func advanceCursor(pass: Int) {
    let previous = passCursor[pass] < 0 ? passHead[pass] : segmentNext[Int(passCursor[pass])]
    passCursor[pass] = previous
    cursorPreviousEnd[pass] = segmentEnd[Int(previous)]
    cursorPreviousRegister[pass] = segmentRegister[Int(previous)]
    setCursorNext(pass: pass, segment: Int(segmentNext[Int(previous)]))
  }

  @inline(__always)
  private func setCursorNext(pass: Int, segment: Int) {
    cursorNextStart[pass] = segment < 0 ? .max : segmentStart[segment]
    cursorNextRegister[pass] = segment < 0 ? -2 : segmentRegister[segment]
  }

  @inline(__always)
  private func isWide(_ segment: Int) -> Bool {
    Int(segmentEnd[segment] - segmentStart[segment]) + 1 > SixelBandEncoder.narrowWidth
  }

  /// Bytes of a run of `columns` equal characters (spelled out below 4, else `!n c`), from a
  /// table; beyond the table every run counts as 6 bytes, which only blurs costs that far apart.
  @inline(__always)
  func runBytes(_ columns: Int) -> Int {
    Int(layoutCosts[Swift.min(Swift.max(columns, 0), SixelBandEncoder.costedRun)])
  }

  /// Bytes of `#n` for a register; -2 and -1 (no register) count as 2.
  @inline(__always)
  func selectionBytes(_ register: Int) -> Int {
    Int(selectionCost[register &+ 2])
  }

  /// Bytes of `#number`.
  static func selectionBytes(_ number: Int) -> UInt8 {
    UInt8(1 + digitCount(Swift.min(number, 9999)))
  }

  /// Longest run `layoutCosts` knows.
  static let costedRun = 1023

  /// The table behind `runBytes`.
  static func makeLayoutCosts() -> UnsafeMutablePointer<UInt8> {
    let costs = UnsafeMutablePointer<UInt8>.allocate(capacity: costedRun + 1)
    for columns in 0...costedRun {
      costs[columns] = UInt8(columns < 4 ? columns : 2 + digitCount(columns))
    }
    return costs
  }

  /// Decimal digits of a number below 10,000 (the tables stop at 1023).
  private static func digitCount(_ value: Int) -> Int {
    value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4
  }

  /// Passes whose columns are tracked in `passesAt`: all of them while there are at most 64.
  private var trackedPasses: UInt64 {
    passCount >= 64 ? .max : (1 << UInt64(passCount)) - 1
  }

  /// The tracked passes that hold a segment on any column of `start...end`.
  @inline(__always)
  private func takenPasses(from start: Int, through end: Int) -> UInt64 {
    var taken: UInt64 = 0
    for column in start...end { taken |= passesAt[column] }
    return taken
  }

  /// Marks `start...end` as taken in `pass`; passes past 64 are not tracked (each segment that
  /// finds no tracked pass free gets a pass of its own, which only matters for pathological input).
  @inline(__always)
  private func markTaken(pass: Int, from start: Int, through end: Int) {
    guard pass < 64 else { return }
    let bit: UInt64 = 1 << UInt64(pass)
    for column in start...end { passesAt[column] |= bit }
  }
}
