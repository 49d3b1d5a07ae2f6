import TUIKit

/// Turns key presses into actions through the keymap, in the keymap table of the current mode.
public struct KeyInput: Sendable {
  private var matcher: KeySequenceMatcher

  public init(keymap: Keymap) {
    matcher = KeySequenceMatcher(keymap: keymap)
  }

  /// Keys typed towards a longer sequence (`w` before `1`), to show as a hint.
  public var pendingKeys: [KeyEvent] { matcher.pendingKeys }

  /// The actions one key press causes in `mode`: a matched command, text typed on the command
  /// line, or nothing (a prefix, or an unbound key).
  public mutating func actions(for key: KeyEvent, in mode: AppMode) -> [Action] {
    switch matcher.feed(key, mode: mode.rawValue) {
    case .matched(let command):
      return [.command(command)]
    case .pending:
      return []
    case .unbound(let keys):
      guard mode == .command else { return [] }
      let text = keys.compactMap { key -> Character? in
        guard case .character(let character) = key.key,
          key.modifiers.subtracting(.shift).isEmpty
        else { return nil }
        return character
      }
      return text.isEmpty ? [] : [.typed(String(text))]
    }
  }

  /// Forgets a half-typed sequence (after a timeout).
  public mutating func reset() {
    matcher.reset()
  }
}
