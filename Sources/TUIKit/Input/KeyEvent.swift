/// One key press as the terminal reports it: a key plus the modifiers held.
///
/// Printable characters carry their shifted form (`J`, not Shift+`j`), because that is what a
/// terminal sends; Shift appears only on named keys (`<S-Right>`) and where a protocol reports it.
public struct KeyEvent: Hashable, Sendable {
  public var key: Key
  public var modifiers: KeyModifiers

  public init(_ key: Key, modifiers: KeyModifiers = []) {
    self.key = key
    self.modifiers = modifiers
  }

  /// A plain character key, such as `j` or `?`.
  public static func character(_ character: Character, modifiers: KeyModifiers = []) -> KeyEvent {
    KeyEvent(.character(character), modifiers: modifiers)
  }

  /// The key with its character folded the way terminals fold it, so that equal presses compare
  /// equal: Shift+letter becomes the capital letter, Ctrl+capital becomes Ctrl+small letter, and
  /// the Ctrl keys that share a byte with a named key (Ctrl+I is Tab) become that key.
  public var normalized: KeyEvent {
    guard case .character(let character) = key, character.isASCII else { return self }
    if modifiers.subtracting(.alt) == .control,
      let named = Self.controlAliases[Character(character.lowercased())]
    {
      return KeyEvent(named, modifiers: modifiers.subtracting(.control))
    }
    guard character.isLetter else { return self }
    var result = self
    if modifiers.contains(.shift) && character.isLowercase {
      result.key = .character(Character(character.uppercased()))
      result.modifiers.remove(.shift)
    } else if modifiers.contains(.control) && !modifiers.contains(.shift)
      && character.isUppercase
    {
      result.key = .character(Character(character.lowercased()))
    }
    return result
  }

  /// Ctrl+letter bytes that terminals send for named keys (Ctrl+J is LF, read as Enter).
  private static let controlAliases: [Character: Key] = [
    "i": .tab, "m": .enter, "j": .enter, "h": .backspace, "[": .escape,
  ]
}

/// The key part of a `KeyEvent`: a character or a named key.
public enum Key: Hashable, Sendable {
  case character(Character)
  case up
  case down
  case left
  case right
  case pageUp
  case pageDown
  case home
  case end
  case insert
  case delete
  case enter
  case tab
  /// Shift+Tab, which terminals send as its own sequence (`ESC [ Z`).
  case backtab
  case backspace
  case escape
  /// F1 to F12; other numbers never come from the parser or the notation.
  case function(Int)
}

/// Modifier keys held with a key.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8

  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  public static let shift = KeyModifiers(rawValue: 1)
  public static let alt = KeyModifiers(rawValue: 2)
  public static let control = KeyModifiers(rawValue: 4)

  /// Decodes xterm's modifier parameter (`1 + bits`, shift 1, alt 2, ctrl 4, meta 8 as alt).
  public init(xtermParameter: Int) {
    let bits = max(0, xtermParameter - 1)
    var modifiers: KeyModifiers = []
    if bits & 1 != 0 { modifiers.insert(.shift) }
    if bits & 2 != 0 || bits & 8 != 0 { modifiers.insert(.alt) }
    if bits & 4 != 0 { modifiers.insert(.control) }
    self = modifiers
  }
}

/// What the input parser produces: a key, or text pasted in one piece.
public enum TerminalInputEvent: Hashable, Sendable {
  case key(KeyEvent)
  /// Bracketed paste content, delivered whole so that it is never read as commands.
  case paste(String)
  /// The terminal's answer `CSI 0 n` to a device status request: everything written before the
  /// request has been processed (annotty sends one after each image).
  case terminalReady
}
