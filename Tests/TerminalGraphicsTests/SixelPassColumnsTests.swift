import TestSupport
import Testing

@testable import TerminalGraphics

/// Writing one pass under don't-care bits: every column's character holds the bits it needs and no
/// bit a finished pixel forbids, runs of 4 or more go as far as they can, and the colour changes
/// where the segments say.
struct SixelPassColumnsTests {
  /// A segment of a pass: its first column, what its columns need (rows of its colour) and its
  /// register. Columns between segments need nothing.
  private struct Segment {
    var start: Int
    var needed: [UInt8]
    var register = 0
  }

  /// Lays out `segments` (left to right) over `pending` and writes the pass.
  private func write(
    _ segments: [Segment], pending: [UInt8], maxRepeat: Int = 255, selected: Int = 0
  ) -> String {
    let width = pending.count
    var columns = SixelPassColumns(width: width)
    var masks = [UInt8](repeating: 0, count: width)
    var open = pending
    var out = [UInt8](repeating: 0, count: 2 * width + 64)
    var selectedRegister = selected
    let end = masks.withUnsafeMutableBufferPointer { masks in
      open.withUnsafeMutableBufferPointer { open in
        out.withUnsafeMutableBufferPointer { out in
          guard let maskBase = masks.baseAddress, let openBase = open.baseAddress,
            let outBase = out.baseAddress
          else { return 0 }
          columns.begin()
          for segment in segments {
            for (offset, bits) in segment.needed.enumerated() {
              maskBase[segment.start + offset] = bits
            }
            columns.addSegment(
              maskBase, from: segment.start, through: segment.start + segment.needed.count - 1,
              register: segment.register, selects: segment.register != selectedRegister)
            selectedRegister = segment.register
          }
          columns.finish(pending: openBase)
          return columns.write(to: outBase, maxRepeat: maxRepeat) - outBase
        }
      }
    }
    return String(decoding: out.prefix(end), as: UTF8.self)
  }

  /// The output as tokens: a single column's character, or a run (`!n c`), or a selection.
  private enum Token: Equatable {
    case single(UInt8)
    case run(Int, UInt8)
    case select(Int)
  }

  private func tokens(_ text: String) -> [Token] {
    let bytes = Array(text.utf8)
    var result: [Token] = []
    var index = 0
    func number() -> Int {
      var value = 0
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
        value = value * 10 + Int(bytes[index] - 0x30)
        index += 1
      }
      return value
    }
    while index < bytes.count {
      switch bytes[index] {
      case 0x21:
        index += 1
        let count = number()
        result.append(.run(count, bytes[index]))
        index += 1
      case 0x23:
        index += 1
        result.append(.select(number()))
      default:
        result.append(.single(bytes[index]))
        index += 1
      }
    }
    return result
  }

  @Test("columns that allow each other's bits share one run")
  func sharedRun() {
    let text = write([Segment(start: 0, needed: [1, 2, 4, 8])], pending: [0x3F, 0x3F, 0x3F, 0x3F])
    #expect(text == "!4N")
  }

  @Test("columns whose bits are all final are written exactly, one by one")
  func exactColumns() {
    #expect(write([Segment(start: 0, needed: [1, 2, 1, 2])], pending: [1, 2, 1, 2]) == "@A@A")
  }

  @Test("columns between segments join a run when they allow its bits, else make an empty run")
  func columnsBetweenSegments() {
    let joined = write(
      [Segment(start: 0, needed: [3, 3]), Segment(start: 5, needed: [3])],
      pending: [3, 3, 7, 7, 3, 3])
    #expect(joined == "!6B")
    let wide = 303
    var pending = [UInt8](repeating: 0, count: wide)
    pending[0] = 3
    pending[1] = 3
    pending[302] = 3
    let empty = write(
      [Segment(start: 0, needed: [3, 3]), Segment(start: 302, needed: [3])], pending: pending)
    #expect(empty == "BB!255?!45?B")
  }

  @Test("a colour change selects the register and no run crosses it")
  func colourChange() {
    let text = write(
      [
        Segment(start: 0, needed: [1, 1, 1, 1, 1], register: 0),
        Segment(start: 5, needed: [2, 2, 2, 2], register: 7),
      ],
      pending: [UInt8](repeating: 0x3F, count: 9), selected: 3)
    #expect(text == "#0!5@#7!4A")
  }

  @Test(
    "long runs split at maxRepeat, and below 4 are spelled out", arguments: [1, 3, 4, 100, 255])
  func longRuns(maxRepeat: Int) {
    let columns = [UInt8](repeating: 0x3F, count: 700)
    let text = write([Segment(start: 0, needed: columns)], pending: columns, maxRepeat: maxRepeat)
    let found = tokens(text)
    #expect(
      found.allSatisfy {
        if case .run(let count, _) = $0 { return count >= 4 && count <= maxRepeat }
        return true
      })
    let columnsWritten = found.reduce(0) {
      if case .run(let count, _) = $1 { return $0 + count }
      return $0 + 1
    }
    #expect(columnsWritten == 700)
    #expect(found.count == (maxRepeat < 4 ? 700 : (699 / maxRepeat) + 1))
  }

  @Test("every character fits its column; runs are where 4 columns fit, and go as far as they can")
  func runsFollowTheRule() {
    var generator = SeededGenerator(seed: 64)
    for trial in 0..<400 {
      let count = Int.random(in: 1...60, using: &generator)
      // Few distinct bits make long runs likely; many make them rare.
      let bitsUsed = UInt8([0x03, 0x0F, 0x3F][trial % 3])
      var needed: [UInt8] = []
      var pending: [UInt8] = []
      for _ in 0..<count {
        let need =
          UInt8.random(in: 0...63, using: &generator) & bitsUsed
          & UInt8.random(in: 0...63, using: &generator)
        needed.append(need)
        pending.append(need | (UInt8.random(in: 0...63, using: &generator) & bitsUsed))
      }
      // The last column must need something, as a segment's does.
      needed[count - 1] |= 1
      pending[count - 1] |= 1
      func fits(_ start: Int, _ end: Int) -> Bool {
        guard end <= count else { return false }
        let union = needed[start..<end].reduce(0, |)
        let common = pending[start..<end].reduce(0x3F, &)
        return union & ~common == 0
      }
      var column = 0
      var valid = true
      for token in tokens(write([Segment(start: 0, needed: needed)], pending: pending)) {
        switch token {
        case .single(let character):
          let bits = character &- 0x3F
          valid = valid && needed[column] & ~bits == 0 && bits & ~pending[column] == 0
          valid = valid && !fits(column, column + 4)
          column += 1
        case .run(let length, _):
          valid = valid && length >= 4 && fits(column, column + length)
          valid = valid && !fits(column, column + length + 1)
          column += length
        case .select:
          valid = false
        }
      }
      #expect(column == count && valid, "trial \(trial)")
    }
  }

  @Test("random passes of several colours paint every needed bit in its colour and nothing final")
  func severalColours() {
    var generator = SeededGenerator(seed: 77)
    for trial in 0..<300 {
      var segments: [Segment] = []
      // Passes that start after 4 or more empty columns leave them out of their arrays.
      var column = Int.random(in: 0...12, using: &generator)
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        let length = Int.random(in: 1...12, using: &generator)
        var needed = (0..<length).map { _ in UInt8.random(in: 0...63, using: &generator) & 0x15 }
        needed[length - 1] |= 1
        segments.append(
          Segment(start: column, needed: needed, register: Int.random(in: 0...2, using: &generator))
        )
        column += length + Int.random(in: 0...5, using: &generator)
      }
      let pending = (0..<column).map { _ in UInt8.random(in: 0...63, using: &generator) | 0x15 }
      var owner = [Int?](repeating: nil, count: column)
      var neededAt = [UInt8](repeating: 0, count: column)
      for segment in segments {
        for (offset, bits) in segment.needed.enumerated() {
          owner[segment.start + offset] = segment.register
          neededAt[segment.start + offset] = bits
        }
      }
      // Register 9 is never a segment's, so the first segment selects; 0...2 may be selected
      // already, and then the empty columns before it may run on into it.
      let initial = trial % 2 == 0 ? 9 : Int.random(in: 0...2, using: &generator)
      var selected = initial
      var at = 0
      var valid = true
      func paint(_ character: UInt8) {
        let bits = character &- 0x3F
        valid = valid && at < column && neededAt[at] & ~bits == 0 && bits & ~pending[at] == 0
        if at < column, neededAt[at] != 0 { valid = valid && owner[at] == selected }
        at += 1
      }
      for token in tokens(write(segments, pending: pending, selected: initial)) {
        switch token {
        case .select(let register): selected = register
        case .single(let character): paint(character)
        case .run(let length, let character): for _ in 0..<length { paint(character) }
        }
      }
      let last = (segments.last?.start ?? 0) + (segments.last?.needed.count ?? 0)
      #expect(valid && at == last, "trial \(trial)")
    }
  }
}
