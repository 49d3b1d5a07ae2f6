/// Where each key, table and array element of a TOML document starts, by path
/// (`label[1].attribute[0].choices[2]`), because TOMLKit reports lines only for syntax errors.
///
/// The scanner runs after TOMLKit accepted the text, so it is lenient: on anything unexpected it
/// skips ahead and keeps what it found. Every loop consumes input, so it always ends.
///
/// It also finds the two inputs on which TOMLKit's toml++ 3 fails an assertion instead of
/// reporting an error (abort in debug builds, undefined behaviour in release): a table header
/// whose first character cannot start a key (`[#`, `[[,`), and `}` where an array expects a value
/// (`a = [}]`). Both are invalid TOML, so rejecting them first never refuses a valid file.
public struct TOMLLineIndex: Sendable {
  private var lines: [String: Int] = [:]
  /// The first input toml++ must not see, as a syntax error with line and column.
  public private(set) var parserHazard: TOMLTree.SyntaxError?

  public init(text: String) {
    var scanner = Scanner(bytes: Array(text.utf8))
    scanner.scanDocument()
    lines = scanner.lines
    parserHazard = scanner.hazard
  }

  /// The line of `path`, or of its nearest recorded ancestor, or 1.
  public func line(of path: String) -> Int {
    var current = Substring(path)
    while true {
      if let line = lines[String(current)] { return line }
      guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { return 1 }
      current = current[..<cut]
    }
  }

  public static func child(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : parent + "." + key
  }

  public static func element(_ parent: String, _ index: Int) -> String {
    parent + "[\(index)]"
  }
}

private struct Scanner {
  let bytes: [UInt8]
  var position = 0
  var line = 1
  var lineStart = 0
  var hazard: TOMLTree.SyntaxError?
  let scalarGrammar = TOMLScalarGrammar()
  var lines: [String: Int] = [:]
  /// Number of `[[x]]` tables seen per resolved array path, to know which element is current.
  var arrayTableCounts: [String: Int] = [:]

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  var atEnd: Bool { position >= bytes.count }
  var current: UInt8 { bytes[position] }

  func peek(_ offset: Int) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  mutating func advance() {
    if bytes[position] == UInt8(ascii: "\n") {
      line += 1
      lineStart = position + 1
    }
    position += 1
  }

  mutating func reportHazard(_ message: String) {
    guard hazard == nil else { return }
    let found = String(decoding: [current], as: UTF8.self)
    hazard = TOMLTree.SyntaxError(
      line: line, column: position - lineStart + 1,
      message: "\(message), saw '\(found == "\n" ? "\\n" : found)'")
  }

  mutating func record(_ path: String, line: Int) {
    if lines[path] == nil { lines[path] = line }
  }

  mutating func skipSpacesAndComments(crossingLines: Bool) {
    while !atEnd {
      switch current {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): advance()
      case UInt8(ascii: "\n"):
        guard crossingLines else { return }
        advance()
      case UInt8(ascii: "#"):
        while !atEnd && current != UInt8(ascii: "\n") { advance() }
      default: return
      }
    }
  }

  mutating func skipToLineEnd() {
    while !atEnd && current != UInt8(ascii: "\n") { advance() }
  }

  mutating func scanDocument() {
    var table = ""
    while true {
      skipSpacesAndComments(crossingLines: true)
      if atEnd { return }
      let startLine = line
      if current == UInt8(ascii: "[") {
        let isArrayTable = peek(1) == UInt8(ascii: "[")
        advance()
        if isArrayTable { advance() }
        while !atEnd && (current == UInt8(ascii: " ") || current == UInt8(ascii: "\t")) {
          advance()
        }
        if !atEnd && !isBareKeyByte(current) && current != UInt8(ascii: "\"")
          && current != UInt8(ascii: "'")
        {
          reportHazard("Error while parsing table header: expected a key")
        }
        let keys = scanKey()
        table = resolveHeader(keys, isArrayTable: isArrayTable, line: startLine)
        skipToLineEnd()
      } else {
        let before = position
        scanKeyValue(in: table)
        if position == before { advance() }
        skipToLineEnd()
      }
    }
  }

  /// Turns a header's dotted key into the path of the table it opens, descending into the latest
  /// element of each array of tables on the way.
  mutating func resolveHeader(_ keys: [String], isArrayTable: Bool, line: Int) -> String {
    var path = ""
    for (index, key) in keys.enumerated() {
      path = TOMLLineIndex.child(path, key)
      let isLast = index == keys.count - 1
      if isLast && isArrayTable {
        record(path, line: line)
        let count = arrayTableCounts[path, default: 0]
        arrayTableCounts[path] = count + 1
        path = TOMLLineIndex.element(path, count)
      } else if let count = arrayTableCounts[path], count > 0 {
        path = TOMLLineIndex.element(path, count - 1)
      }
    }
    record(path, line: line)
    return path
  }

  mutating func scanKeyValue(in table: String) {
    let startLine = line
    let keys = scanKey()
    guard !keys.isEmpty else { return }
    skipSpacesAndComments(crossingLines: false)
    guard !atEnd, current == UInt8(ascii: "=") else { return }
    advance()
    var path = table
    for key in keys {
      path = TOMLLineIndex.child(path, key)
      record(path, line: startLine)
    }
    skipSpacesAndComments(crossingLines: false)
    scanValue(at: path)
  }

  /// Reads a possibly dotted, possibly quoted key; stops before `=`, `]` or anything else.
  mutating func scanKey() -> [String] {
    var keys: [String] = []
    while true {
      skipSpacesAndComments(crossingLines: false)
      if atEnd { return keys }
      let byte = current
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        keys.append(scanQuotedKey(quote: byte))
      } else if isBareKeyByte(byte) {
        let start = position
        while !atEnd && isBareKeyByte(current) { advance() }
        keys.append(String(decoding: bytes[start..<position], as: UTF8.self))
      } else {
        return keys
      }
      skipSpacesAndComments(crossingLines: false)
      guard !atEnd, current == UInt8(ascii: ".") else { return keys }
      advance()
    }
  }

  mutating func scanQuotedKey(quote: UInt8) -> String {
    advance()
    var text: [UInt8] = []
    while !atEnd && current != quote && current != UInt8(ascii: "\n") {
      if quote == UInt8(ascii: "\"") && current == UInt8(ascii: "\\") {
        advance()
        if atEnd { break }
      }
      text.append(current)
      advance()
    }
    if !atEnd && current == quote { advance() }
    return String(decoding: text, as: UTF8.self)
  }

  func isBareKeyByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }

  mutating func scanValue(at path: String) {
    guard !atEnd else { return }
    switch current {
    case UInt8(ascii: "["): scanArray(at: path)
    case UInt8(ascii: "{"): scanInlineTable(at: path)
    case UInt8(ascii: "\""), UInt8(ascii: "'"): scanString()
    default:
      let start = position
      let startColumn = position - lineStart + 1
      scanLoop: while !atEnd {
        switch current {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "\n"),
          UInt8(ascii: "#"):
          break scanLoop
        default: advance()
        }
      }
      let token = String(decoding: bytes[start..<position], as: UTF8.self)
        .trimmingSuffix(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
      if hazard == nil && !scalarGrammar.isValid(token) {
        hazard = TOMLTree.SyntaxError(
          line: line, column: startColumn,
          message: "Error while parsing value: \"\(token)\" is not a valid TOML value")
      }
    }
  }

  mutating func scanArray(at path: String) {
    advance()
    var index = 0
    while true {
      skipSpacesAndComments(crossingLines: true)
      if atEnd { return }
      if current == UInt8(ascii: "]") {
        advance()
        return
      }
      if current == UInt8(ascii: "}") {
        reportHazard("Error while parsing array: expected a value or closing ']'")
        return
      }
      if current == UInt8(ascii: ",") {
        index += 1
        advance()
        continue
      }
      let element = TOMLLineIndex.element(path, index)
      record(element, line: line)
      let before = position
      scanValue(at: element)
      if position == before { advance() }
    }
  }

  mutating func scanInlineTable(at path: String) {
    advance()
    while true {
      skipSpacesAndComments(crossingLines: true)
      if atEnd { return }
      if current == UInt8(ascii: "}") {
        advance()
        return
      }
      if current == UInt8(ascii: ",") {
        advance()
        continue
      }
      let before = position
      scanKeyValue(in: path)
      if position == before { advance() }
    }
  }

  mutating func scanString() {
    let quote = current
    let isMultiline = peek(1) == quote && peek(2) == quote
    let escapes = quote == UInt8(ascii: "\"")
    if isMultiline {
      advance()
      advance()
      advance()
      while !atEnd {
        if escapes && current == UInt8(ascii: "\\") {
          advance()
          if !atEnd { advance() }
          continue
        }
        if current == quote && peek(1) == quote && peek(2) == quote {
          // Up to two more quotes may close the string as part of its content.
          while !atEnd && current == quote { advance() }
          return
        }
        advance()
      }
    } else {
      advance()
      while !atEnd && current != quote && current != UInt8(ascii: "\n") {
        if escapes && current == UInt8(ascii: "\\") {
          advance()
          if atEnd { return }
        }
        advance()
      }
      if !atEnd && current == quote { advance() }
    }
  }
}

extension String {
  fileprivate func trimmingSuffix(while isTrimmed: (Character) -> Bool) -> Substring {
    var end = endIndex
    while end > startIndex, isTrimmed(self[index(before: end)]) {
      end = index(before: end)
    }
    return self[..<end]
  }
}
