/// Helpers to read encoder output as text in assertions.
enum SixelText {
  static let introducer = "\u{1B}P"
  static let terminator = "\u{1B}\\"

  static func string(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  /// Every `!n` count in the data.
  static func repeatCounts(_ bytes: [UInt8]) -> [Int] {
    var counts: [Int] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x21 {
        var value = 0
        index += 1
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
          value = value * 10 + Int(bytes[index] - 0x30)
          index += 1
        }
        counts.append(value)
      } else {
        index += 1
      }
    }
    return counts
  }

  /// The colour definitions `#n;2;r;g;b`, in order of appearance.
  static func definitions(_ bytes: [UInt8]) -> [(register: Int, color: SixelColorTriple)] {
    let text = string(bytes)
    var found: [(Int, SixelColorTriple)] = []
    for part in text.split(separator: "#").dropFirst() {
      let fields = part.prefix { $0.isNumber || $0 == ";" }.split(
        separator: ";", omittingEmptySubsequences: false)
      guard fields.count == 5, fields[1] == "2" else { continue }
      let numbers = fields.compactMap { Int($0) }
      guard numbers.count == 5 else { continue }
      found.append((numbers[0], SixelColorTriple(numbers[2], numbers[3], numbers[4])))
    }
    return found
  }

  /// The pass data of each band: the body after the raster attributes and definitions, split at
  /// `-` and then at `$`.
  static func passes(_ bytes: [UInt8]) -> [[String]] {
    var text = string(bytes)
    guard let start = text.firstRange(of: "q"), let end = text.firstRange(of: terminator) else {
      return []
    }
    text = String(text[start.upperBound..<end.lowerBound])
    // Drop raster attributes and definitions, keep selections.
    let body = text.replacing(/"[0-9;]*/, with: "").replacing(/#[0-9]+;[0-9;]*/, with: "")
    return body.split(separator: "-", omittingEmptySubsequences: false).map { band in
      band.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
    }
  }
}

/// A comparable r;g;b triple for definitions read back from text.
struct SixelColorTriple: Equatable, CustomStringConvertible {
  let red: Int
  let green: Int
  let blue: Int

  init(_ red: Int, _ green: Int, _ blue: Int) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  var description: String { "\(red);\(green);\(blue)" }
}
