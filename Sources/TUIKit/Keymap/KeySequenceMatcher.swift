/// Collects key presses into the sequences a keymap binds (`gg`, `w1`) and says when one is
/// complete.
public struct KeySequenceMatcher: Sendable {
  /// The outcome of one key press.
  public enum Match: Hashable, Sendable {
    /// The keys typed so far form a bound sequence; the buffer is cleared.
    case matched(BoundCommand)
    /// The keys typed so far begin at least one bound sequence; more keys are needed.
    case pending
    /// No bound sequence is or begins with the keys typed; the buffer is cleared.
    case unbound([KeyEvent])
  }

  private var commands: [String: [[KeyEvent]: BoundCommand]] = [:]
  private var prefixes: [String: Set<[KeyEvent]>] = [:]
  /// Keys typed towards a sequence, and the mode they were typed in.
  public private(set) var pendingKeys: [KeyEvent] = []
  private var pendingMode: String?

  public init(keymap: Keymap) {
    for mode in keymap.modes {
      var table: [[KeyEvent]: BoundCommand] = [:]
      var starts: Set<[KeyEvent]> = []
      for binding in mode.bindings {
        table[binding.keys] = binding.command
        for length in 1..<max(1, binding.keys.count) {
          starts.insert(Array(binding.keys.prefix(length)))
        }
      }
      commands[mode.name] = table
      prefixes[mode.name] = starts
    }
  }

  /// Adds a key typed in `mode`; a change of mode drops keys typed in the previous one.
  public mutating func feed(_ key: KeyEvent, mode: String) -> Match {
    if pendingMode != mode { pendingKeys.removeAll() }
    pendingMode = mode
    pendingKeys.append(key.normalized)
    if let command = commands[mode]?[pendingKeys] {
      pendingKeys.removeAll()
      return .matched(command)
    }
    if prefixes[mode]?.contains(pendingKeys) == true { return .pending }
    let typed = pendingKeys
    pendingKeys.removeAll()
    return .unbound(typed)
  }

  /// Forgets keys typed towards a sequence (after a timeout, or when the mode is left).
  public mutating func reset() {
    pendingKeys.removeAll()
    pendingMode = nil
  }
}
