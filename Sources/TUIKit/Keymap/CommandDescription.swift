/// A command a key can be bound to: its name, how many arguments it takes, what it does.
public struct CommandDescription: Hashable, Sendable {
  public var name: String
  public var argumentCount: Int
  /// One line; `{1}`, `{2}` stand for the arguments a binding gives.
  public var summary: String

  public init(_ name: String, arguments argumentCount: Int = 0, _ summary: String) {
    self.name = name
    self.argumentCount = argumentCount
    self.summary = summary
  }
}

/// A keymap mode (a table of the keymap file) and what it is for.
public struct ModeDescription: Hashable, Sendable {
  public var name: String
  public var summary: String

  public init(_ name: String, _ summary: String) {
    self.name = name
    self.summary = summary
  }
}

/// A command with the arguments a binding gives it, as written in a keymap: `window.preset 1`.
public struct BoundCommand: Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public var arguments: [String]

  public init(name: String, arguments: [String] = []) {
    self.name = name
    self.arguments = arguments
  }

  /// Splits `window.preset 1` at spaces; nil when there is no command name.
  public init?(parsing text: String) {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard let first = words.first else { return nil }
    self.init(name: first, arguments: Array(words.dropFirst()))
  }

  public var description: String { ([name] + arguments).joined(separator: " ") }
}
