/// Decodes the one event that starts at a position in a byte buffer: a character, a control
/// key, an Alt-prefixed key or an escape sequence.
struct TerminalByteDecoder {
  enum Step: Equatable {
    /// More bytes are needed to decide.
    case needMore
    /// `length` bytes were used; `event` is nil for input that is consumed and ignored.
    case event(TerminalInputEvent?, length: Int)
    /// `ESC [ 200 ~`: what follows up to `ESC [ 201 ~` is pasted text.
    case pasteStart(length: Int)
  }

  let bytes: [UInt8]

  private static let escape: UInt8 = 0x1B

  func decode(at start: Int) -> Step {
    let byte = bytes[start]
    if byte == Self.escape { return decodeEscape(at: start) }
    return decodeSingle(at: start)
  }

  /// A key that does not start with ESC: a control byte, ASCII, or a UTF-8 character.
  private func decodeSingle(at start: Int) -> Step {
    let byte = bytes[start]
    switch byte {
    case 0x00: return key(.character(" ", modifiers: .control), 1)
    case 0x08, 0x7F: return key(KeyEvent(.backspace), 1)  // Terminals send either for Backspace.
    case 0x09: return key(KeyEvent(.tab), 1)
    case 0x0A, 0x0D: return key(KeyEvent(.enter), 1)  // LF too, in case ICRNL is still on.
    case 0x01...0x1A:
      return key(.character(Character(Unicode.Scalar(byte + 0x60)), modifiers: .control), 1)
    case 0x1C...0x1F:
      return key(.character(Character(Unicode.Scalar(byte + 0x40)), modifiers: .control), 1)
    case 0x20...0x7E: return key(.character(Character(Unicode.Scalar(byte))), 1)
    default: return decodeUTF8(at: start)
    }
  }

  private func decodeUTF8(at start: Int) -> Step {
    let lead = bytes[start]
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
    case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
    default: return .event(nil, length: 1)  // A stray continuation or invalid lead byte.
    }
    for offset in 1..<length {
      guard start + offset < bytes.count else { return .needMore }
      let next = bytes[start + offset]
      guard next & 0xC0 == 0x80 else { return .event(nil, length: offset) }
      value = value << 6 | UInt32(next & 0x3F)
    }
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, let scalar = Unicode.Scalar(value) else {
      return .event(nil, length: length)  // Overlong, surrogate or out of range.
    }
    return key(.character(Character(scalar)), length)
  }

  private func decodeEscape(at start: Int) -> Step {
    guard start + 1 < bytes.count else { return .needMore }
    let next = bytes[start + 1]
    switch next {
    case UInt8(ascii: "["): return decodeCSI(at: start)
    case UInt8(ascii: "O"): return decodeSS3(at: start)
    case Self.escape:
      // rxvt sends Alt+arrow as ESC ESC [ A; otherwise the first ESC is a lone Escape.
      guard start + 2 < bytes.count else { return .needMore }
      let third = bytes[start + 2]
      guard third == UInt8(ascii: "[") || third == UInt8(ascii: "O") else {
        return key(KeyEvent(.escape), 1)
      }
      return withAlt(decodeEscape(at: start + 1))
    default:
      return withAlt(decodeSingle(at: start + 1))
    }
  }

  /// Adds Alt to a decoded key and counts the ESC prefix; a non-key is dropped with its prefix.
  private func withAlt(_ step: Step) -> Step {
    switch step {
    case .needMore: return .needMore
    case .pasteStart(let length): return .pasteStart(length: length + 1)
    case .event(.some(.key(let event)), let length):
      var altered = event
      altered.modifiers.insert(.alt)
      return key(altered, length + 1)
    case .event(_, let length): return .event(nil, length: length + 1)
    }
  }

  /// `ESC [ params intermediates final`, plus the Linux console's `ESC [ [ A`…`E` and X10 mouse.
  private func decodeCSI(at start: Int) -> Step {
    var index = start + 2
    guard index < bytes.count else { return .needMore }
    if bytes[index] == UInt8(ascii: "[") {
      guard index + 1 < bytes.count else { return .needMore }
      let final = bytes[index + 1]
      guard (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(final) else {
        return .event(nil, length: 4)
      }
      return key(KeyEvent(.function(Int(final - UInt8(ascii: "A")) + 1)), 4)
    }
    let parameterStart = index
    while index < bytes.count, (0x30...0x3F).contains(bytes[index]) { index += 1 }
    let parameterEnd = index
    let isPrivate = index > parameterStart && bytes[parameterStart] >= 0x3C
    if !isPrivate && index < bytes.count && bytes[index] == UInt8(ascii: "$") {
      // rxvt ends Shift+tilde keys with `$` (`ESC [ 3 $`), an intermediate byte elsewhere.
      let event = CSIKeyTable.key(
        parameters: Array(bytes[parameterStart..<index]), final: bytes[index])
      return .event(event.map { .key($0) }, length: index + 1 - start)
    }
    while index < bytes.count, (0x20...0x2F).contains(bytes[index]) { index += 1 }
    guard index - start <= TerminalInputParser.maximumSequenceLength else {
      return .event(nil, length: index - start)
    }
    guard index < bytes.count else { return .needMore }
    let final = bytes[index]
    guard (0x40...0x7E).contains(final) else {
      // A control byte inside a sequence: drop the broken prefix, decode the byte on its own.
      if index == parameterStart {
        return key(.character("[", modifiers: .alt), 2)
      }
      return .event(nil, length: index - start)
    }
    let length = index + 1 - start
    let parameters = Array(bytes[parameterStart..<parameterEnd])
    if final == UInt8(ascii: "M") && parameters.isEmpty {
      // X10 mouse report: three raw bytes follow.
      guard start + length + 3 <= bytes.count else { return .needMore }
      return .event(nil, length: length + 3)
    }
    if final == UInt8(ascii: "~") && parameters == Array("200".utf8) {
      return .pasteStart(length: length)
    }
    if final == UInt8(ascii: "n") && parameters == Array("0".utf8) {
      return .event(.terminalReady, length: length)
    }
    let event = CSIKeyTable.key(parameters: parameters, final: final)
    return .event(event.map { .key($0) }, length: length)
  }

  /// `ESC O final`, as sent in cursor-key application mode, with optional modifier digits.
  private func decodeSS3(at start: Int) -> Step {
    var index = start + 2
    guard index < bytes.count else { return .needMore }
    while index < bytes.count, (0x30...0x3F).contains(bytes[index]) { index += 1 }
    guard index - start <= TerminalInputParser.maximumSequenceLength else {
      return .event(nil, length: index - start)
    }
    guard index < bytes.count else { return .needMore }
    let final = bytes[index]
    guard (0x40...0x7E).contains(final) else {
      if index == start + 2 { return key(.character("O", modifiers: .alt), 2) }
      return .event(nil, length: index - start)
    }
    let parameters = Array(bytes[(start + 2)..<index])
    let event = CSIKeyTable.ss3Key(parameters: parameters, final: final)
    return .event(event.map { .key($0) }, length: index + 1 - start)
  }

  private func key(_ event: KeyEvent, _ length: Int) -> Step {
    .event(.key(event), length: length)
  }
}
