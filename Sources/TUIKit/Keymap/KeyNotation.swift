/// The key notation of keymap files and tests: `j`, `J`, `<Right>`, `<S-Right>`, `<C-l>`,
/// `<A-x>`, `<Space>`, `<lt>`, `<F5>`, and sequences such as `jj w1 <Right><Right> <Enter>`.
///
/// Outside `<...>` every character is one key and a space only separates keys; inside, a name
/// (case-insensitive) follows any of the modifier prefixes `C-`, `A-` (or `M-`) and `S-`.
public enum KeyNotation {
  /// Parses a key sequence; every key comes back `normalized`.
  public static func parse(_ text: String) throws(KeyNotationError) -> [KeyEvent] {
    var keys: [KeyEvent] = []
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == " " {
        index += 1
        continue
      }
      guard character == "<" else {
        guard !character.isWhitespace, !isControl(character) else {
          throw KeyNotationError(
            text: text, column: index + 1,
            message: "a tab, newline or control character is not a key; use <Tab>, <Enter> or <C-x>"
          )
        }
        keys.append(KeyEvent(.character(character)))
        index += 1
        continue
      }
      guard let close = characters[index...].firstIndex(of: ">"), close > index + 1 else {
        throw KeyNotationError(
          text: text, column: index + 1, message: "'<' opens a key name; write <lt> for the key <")
      }
      let name = String(characters[(index + 1)..<close])
      guard let key = bracketedKey(name) else {
        throw KeyNotationError(
          text: text, column: index + 1, message: "unknown key name <\(name)>")
      }
      keys.append(key.normalized)
      index = close + 1
    }
    guard !keys.isEmpty else {
      throw KeyNotationError(text: text, column: 1, message: "no key given")
    }
    return keys
  }

  /// Writes keys back in canonical notation, without separating spaces (`w1<Right><Enter>`).
  public static func format(_ keys: [KeyEvent]) -> String {
    keys.map(format).joined()
  }

  /// Writes one key in canonical notation: bare when it can be, otherwise `<C-A-S-Name>`.
  public static func format(_ key: KeyEvent) -> String {
    let key = key.normalized
    var modifiers = key.modifiers
    let name: String
    switch key.key {
    case .character(let character):
      switch character {
      case " ": name = "Space"
      case "<": name = "lt"
      default:
        if modifiers.isEmpty && !isControl(character) && !character.isWhitespace {
          return String(character)
        }
        name =
          isControl(character) || character.isWhitespace
          ? unicodeName(character) : String(character)
      }
    case .backtab:
      name = "Tab"
      modifiers.insert(.shift)
    default:
      name = namedKeys.first { $0.key == key.key }?.name ?? "?"
    }
    var prefix = ""
    if modifiers.contains(.control) { prefix += "C-" }
    if modifiers.contains(.alt) { prefix += "A-" }
    if modifiers.contains(.shift) { prefix += "S-" }
    return "<\(prefix)\(name)>"
  }

  /// Canonical names first: `format` uses the first name listed for a key.
  private static let namedKeys: [(name: String, key: Key)] = {
    var names: [(String, Key)] = [
      ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
      ("PageUp", .pageUp), ("PageDown", .pageDown), ("PgUp", .pageUp), ("PgDn", .pageDown),
      ("Home", .home), ("End", .end), ("Insert", .insert), ("Ins", .insert),
      ("Delete", .delete), ("Del", .delete), ("Enter", .enter), ("CR", .enter),
      ("Return", .enter), ("Tab", .tab), ("Backtab", .backtab), ("Backspace", .backspace),
      ("BS", .backspace), ("Esc", .escape), ("Escape", .escape),
      ("Space", .character(" ")), ("lt", .character("<")), ("Bar", .character("|")),
      ("Bslash", .character("\\")),
    ]
    for number in 1...12 { names.append(("F\(number)", .function(number))) }
    return names.map { (name: $0.0, key: $0.1) }
  }()

  /// `C-S-Right` → Shift+Ctrl+Right; nil for an unknown name.
  private static func bracketedKey(_ text: String) -> KeyEvent? {
    var rest = Substring(text)
    var modifiers: KeyModifiers = []
    while rest.count > 2, rest[rest.index(after: rest.startIndex)] == "-" {
      switch rest.first?.lowercased() {
      case "c": modifiers.insert(.control)
      case "a", "m": modifiers.insert(.alt)
      case "s": modifiers.insert(.shift)
      default: return nil
      }
      rest = rest.dropFirst(2)
    }
    if rest.count == 1, let character = rest.first, character != " ", !isControl(character) {
      return KeyEvent(.character(character), modifiers: modifiers)
    }
    guard let named = namedKeys.first(where: { $0.name.lowercased() == rest.lowercased() }) else {
      return nil
    }
    if named.key == .tab && modifiers.contains(.shift) {
      return KeyEvent(.backtab, modifiers: modifiers.subtracting(.shift))
    }
    return KeyEvent(named.key, modifiers: modifiers)
  }

  private static func isControl(_ character: Character) -> Bool {
    character.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// A name for a character that cannot be written bare; such keys never parse back.
  private static func unicodeName(_ character: Character) -> String {
    character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined()
  }
}

/// A key notation that cannot be read, with the 1-based column of the problem.
public struct KeyNotationError: Error, Sendable, Equatable, CustomStringConvertible {
  public var text: String
  public var column: Int
  public var message: String

  public var description: String { "bad key notation \"\(text)\" at column \(column): \(message)" }
}
