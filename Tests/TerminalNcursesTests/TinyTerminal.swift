/// Just enough of a VT100/xterm to follow ncurses output: cursor moves, printable text, erases
/// and the sequences that shift cells; it records every cell that any of them touched.
struct TinyTerminal {
  let width: Int
  let height: Int
  var grid: [[Character]]
  var row = 0
  var column = 0
  var savedCursor = (0, 0)
  /// Cells written or erased since the last `resetTouched()`.
  var touched: Set<Int> = []
  /// Sequences this emulator does not model but that move cells (insert/delete/scroll).
  var unsupported: [String] = []
  private var lastPrinted: Character = " "

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    grid = Array(repeating: Array(repeating: " ", count: width), count: height)
  }

  mutating func resetTouched() {
    touched.removeAll()
  }

  func wasTouched(row: Int, column: Int) -> Bool { touched.contains(row * width + column) }

  /// The text of a row, trailing spaces kept.
  func line(_ row: Int) -> String { String(grid[row]) }

  mutating func feed(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      switch scalar.value {
      case 0x1B: escape(&scalars)
      case 0x0D: column = 0
      case 0x0A: row = min(height - 1, row + 1)
      case 0x08: column = max(0, column - 1)
      case 0x00..<0x20, 0x7F: break
      default: print(Character(scalar))
      }
    }
  }

  private mutating func print(_ character: Character) {
    lastPrinted = character
    guard row < height else { return }
    if column >= width { column = width - 1 }
    grid[row][column] = character
    touched.insert(row * width + column)
    column = min(width, column + 1)
  }

  private mutating func erase(row: Int, columns: Range<Int>) {
    for column in columns where column >= 0 && column < width {
      grid[row][column] = " "
      touched.insert(row * width + column)
    }
  }

  private mutating func escape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
    guard let next = scalars.popFirst() else { return }
    switch next {
    case "[": controlSequence(&scalars)
    case "7": savedCursor = (row, column)
    case "8": (row, column) = savedCursor
    case "(", ")": _ = scalars.popFirst()
    case "M": row = max(0, row - 1)
    case "P", "]", "_":  // DCS, OSC, APC: skip to ST or BEL
      while let scalar = scalars.popFirst() {
        if scalar == "\u{07}" { break }
        if scalar == "\u{1B}" && scalars.first == "\\" {
          scalars.removeFirst()
          break
        }
      }
    default: break
    }
  }

  private mutating func controlSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
    var parameters = ""
    var final: Unicode.Scalar = "@"
    while let scalar = scalars.popFirst() {
      if (0x40...0x7E).contains(scalar.value) {
        final = scalar
        break
      }
      parameters.unicodeScalars.append(scalar)
    }
    let isPrivate =
      parameters.hasPrefix("?") || parameters.hasPrefix(">") || parameters.hasPrefix("!")
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map {
      Int($0) ?? 0
    }
    let first = max(1, numbers.first ?? 1)
    if isPrivate { return }
    switch final {
    case "H", "f":
      row = min(height - 1, max(0, first - 1))
      column = min(width - 1, max(0, (numbers.count > 1 ? max(1, numbers[1]) : 1) - 1))
    case "A": row = max(0, row - first)
    case "B": row = min(height - 1, row + first)
    case "C": column = min(width - 1, column + first)
    case "D": column = max(0, column - first)
    case "G", "`": column = min(width - 1, first - 1)
    case "d": row = min(height - 1, first - 1)
    case "K":
      switch numbers.first ?? 0 {
      case 1: erase(row: row, columns: 0..<(column + 1))
      case 2: erase(row: row, columns: 0..<width)
      default: erase(row: row, columns: column..<width)
      }
    case "J":
      let mode = numbers.first ?? 0
      let rows =
        mode == 0 ? Array((row + 1)..<height) : mode == 1 ? Array(0..<row) : Array(0..<height)
      if mode == 0 { erase(row: row, columns: column..<width) }
      if mode == 1 { erase(row: row, columns: 0..<(column + 1)) }
      for line in rows { erase(row: line, columns: 0..<width) }
    case "X": erase(row: row, columns: column..<(column + first))
    case "b": for _ in 0..<first { print(lastPrinted) }
    case "@", "P", "L", "M", "S", "T", "r":
      if final == "r" && (parameters.isEmpty || parameters == "1;\(height)") { return }
      unsupported.append("CSI \(parameters)\(Character(final))")
    default: break  // SGR and modes do not move cells
    }
  }
}
