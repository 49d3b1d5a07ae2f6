extension Annotation {
  /// A new random (version 4) UUID in lower case, drawn from `generator` so tests can seed it.
  public static func makeID<Generator: RandomNumberGenerator>(using generator: inout Generator)
    -> String
  {
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = bytes[6] & 0x0F | 0x40
    bytes[8] = bytes[8] & 0x3F | 0x80
    let hex = Array("0123456789abcdef")
    var text = ""
    for (index, byte) in bytes.enumerated() {
      if [4, 6, 8, 10].contains(index) { text.append("-") }
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0xF)])
    }
    return text
  }

  /// A new random UUID from the system generator.
  public static func makeID() -> String {
    var generator = SystemRandomNumberGenerator()
    return makeID(using: &generator)
  }

  /// Whether `text` is a UUID in its 8-4-4-4-12 hex form (either case).
  public static func isValidID(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count == 36 else { return false }
    for (index, byte) in bytes.enumerated() {
      if [8, 13, 18, 23].contains(index) {
        guard byte == UInt8(ascii: "-") else { return false }
      } else {
        guard byte.isHexDigit else { return false }
      }
    }
    return true
  }
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
  }
}
