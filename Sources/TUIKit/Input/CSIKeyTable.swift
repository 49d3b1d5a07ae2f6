/// The keys that xterm, rxvt, tmux and the Linux console encode as CSI and SS3 sequences.
enum CSIKeyTable {
  /// The key for `ESC [ parameters final`, or nil for sequences that are not keys (mouse
  /// reports, focus events, replies) or are unknown.
  static func key(parameters: [UInt8], final: UInt8) -> KeyEvent? {
    // Private-use parameters (`<` SGR mouse, `?` replies, `>`, `=`) never encode keys.
    if let first = parameters.first, first >= 0x3C { return nil }
    guard let numbers = numbers(parameters) else { return nil }
    let modifierParameter = numbers.count >= 2 ? numbers[1] : 1
    let modifiers = KeyModifiers(xtermParameter: modifierParameter)
    switch final {
    case UInt8(ascii: "A"): return KeyEvent(.up, modifiers: modifiers)
    case UInt8(ascii: "B"): return KeyEvent(.down, modifiers: modifiers)
    case UInt8(ascii: "C"): return KeyEvent(.right, modifiers: modifiers)
    case UInt8(ascii: "D"): return KeyEvent(.left, modifiers: modifiers)
    case UInt8(ascii: "H"): return KeyEvent(.home, modifiers: modifiers)
    case UInt8(ascii: "F"): return KeyEvent(.end, modifiers: modifiers)
    // xterm's modified F1–F4 (`ESC [ 1 ; 5 P`). `ESC [ 1 ; 5 R` is also a cursor position
    // report; annotty asks for those only before input starts, so here it is Ctrl+F3.
    case UInt8(ascii: "P")...UInt8(ascii: "S"):
      return KeyEvent(.function(Int(final - UInt8(ascii: "P")) + 1), modifiers: modifiers)
    case UInt8(ascii: "Z"):
      return KeyEvent(.backtab, modifiers: modifiers.subtracting(.shift))
    // rxvt: Shift+arrows.
    case UInt8(ascii: "a"): return KeyEvent(.up, modifiers: .shift)
    case UInt8(ascii: "b"): return KeyEvent(.down, modifiers: .shift)
    case UInt8(ascii: "c"): return KeyEvent(.right, modifiers: .shift)
    case UInt8(ascii: "d"): return KeyEvent(.left, modifiers: .shift)
    case UInt8(ascii: "u"):
      // `CSI code ; modifiers u` (fixterms / kitty keyboard protocol).
      guard let code = numbers.first else { return nil }
      return codepointKey(code, modifiers: modifiers)
    case UInt8(ascii: "~"):
      if numbers.first == 27 && numbers.count >= 3 {
        // xterm modifyOtherKeys: `CSI 27 ; modifiers ; code ~`.
        return codepointKey(numbers[2], modifiers: modifiers)
      }
      return tildeKey(numbers.first ?? 0, modifiers: modifiers)
    // rxvt encodes modifiers in the final byte of tilde keys.
    case UInt8(ascii: "^"): return tildeKey(numbers.first ?? 0, modifiers: .control)
    case UInt8(ascii: "$"): return tildeKey(numbers.first ?? 0, modifiers: .shift)
    case UInt8(ascii: "@"): return tildeKey(numbers.first ?? 0, modifiers: [.control, .shift])
    default: return nil
    }
  }

  /// The key for `ESC O parameters final` (application cursor and keypad keys).
  static func ss3Key(parameters: [UInt8], final: UInt8) -> KeyEvent? {
    guard let numbers = numbers(parameters) else { return nil }
    let modifiers = KeyModifiers(xtermParameter: numbers.last ?? 1)
    switch final {
    case UInt8(ascii: "A"): return KeyEvent(.up, modifiers: modifiers)
    case UInt8(ascii: "B"): return KeyEvent(.down, modifiers: modifiers)
    case UInt8(ascii: "C"): return KeyEvent(.right, modifiers: modifiers)
    case UInt8(ascii: "D"): return KeyEvent(.left, modifiers: modifiers)
    case UInt8(ascii: "H"): return KeyEvent(.home, modifiers: modifiers)
    case UInt8(ascii: "F"): return KeyEvent(.end, modifiers: modifiers)
    case UInt8(ascii: "P")...UInt8(ascii: "S"):
      return KeyEvent(.function(Int(final - UInt8(ascii: "P")) + 1), modifiers: modifiers)
    case UInt8(ascii: "M"): return KeyEvent(.enter, modifiers: modifiers)
    // rxvt: Ctrl+arrows.
    case UInt8(ascii: "a"): return KeyEvent(.up, modifiers: .control)
    case UInt8(ascii: "b"): return KeyEvent(.down, modifiers: .control)
    case UInt8(ascii: "c"): return KeyEvent(.right, modifiers: .control)
    case UInt8(ascii: "d"): return KeyEvent(.left, modifiers: .control)
    // Keypad in application mode: `j`…`y` are * + , - . / 0…9, `X` is =.
    case UInt8(ascii: "j")...UInt8(ascii: "y"):
      let characters = Array("*+,-./0123456789")
      return KeyEvent(.character(characters[Int(final - UInt8(ascii: "j"))]))
    case UInt8(ascii: "X"): return KeyEvent(.character("="))
    default: return nil
    }
  }

  /// Keys numbered in `ESC [ n ~` (xterm, rxvt, tmux, the Linux console).
  private static func tildeKey(_ number: Int, modifiers: KeyModifiers) -> KeyEvent? {
    let key: Key
    switch number {
    case 1, 7: key = .home
    case 2: key = .insert
    case 3: key = .delete
    case 4, 8: key = .end
    case 5: key = .pageUp
    case 6: key = .pageDown
    case 11...15: key = .function(number - 10)
    case 17...21: key = .function(number - 11)
    case 23, 24: key = .function(number - 12)
    default: return nil  // Includes 201, a paste end without a start.
    }
    return KeyEvent(key, modifiers: modifiers)
  }

  /// The key for a Unicode code point reported with explicit modifiers.
  private static func codepointKey(_ code: Int, modifiers: KeyModifiers) -> KeyEvent? {
    switch code {
    case 9: return KeyEvent(.tab, modifiers: modifiers)
    case 13: return KeyEvent(.enter, modifiers: modifiers)
    case 27: return KeyEvent(.escape, modifiers: modifiers)
    case 127, 8: return KeyEvent(.backspace, modifiers: modifiers)
    case 32...0x10FFFF:
      guard let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
      return KeyEvent(.character(Character(scalar)), modifiers: modifiers).normalized
    default: return nil
    }
  }

  /// Splits `1;5` into numbers (sub-parameters after `:` are ignored); nil if not all digits.
  private static func numbers(_ parameters: [UInt8]) -> [Int]? {
    guard !parameters.isEmpty else { return [] }
    var result: [Int] = []
    for field in parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
      let main = field.prefix { $0 != UInt8(ascii: ":") }
      guard main.allSatisfy({ (0x30...0x39).contains($0) }), main.count <= 7 else { return nil }
      result.append(main.reduce(0) { $0 * 10 + Int($1 - 0x30) })
      // An empty field means the default, 1 for modifiers; 0 reads as "no modifiers" too.
      if main.isEmpty { result[result.count - 1] = 1 }
    }
    return result
  }
}
