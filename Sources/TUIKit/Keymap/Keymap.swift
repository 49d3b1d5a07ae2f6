/// A validated keymap: for each mode, which key sequences run which commands.
public struct Keymap: Sendable, Equatable {
  /// The name the keymap was loaded under (`radiology`).
  public var name: String
  /// Modes in the order they first appear (a parent's modes before the child's new ones).
  public var modes: [KeymapMode]

  public init(name: String, modes: [KeymapMode]) {
    self.name = name
    self.modes = modes
  }

  /// The mode called `name`, if the keymap has it.
  public func mode(named name: String) -> KeymapMode? {
    modes.first { $0.name == name }
  }
}

/// The bindings of one mode, in file order.
public struct KeymapMode: Sendable, Equatable {
  public var name: String
  public var bindings: [KeyBinding]

  public init(name: String, bindings: [KeyBinding]) {
    self.name = name
    self.bindings = bindings
  }
}

/// One key sequence bound to a command, and where the binding was written.
public struct KeyBinding: Sendable, Hashable {
  /// Normalized keys, as `KeyNotation.parse` returns them.
  public var keys: [KeyEvent]
  public var command: BoundCommand
  public var fileName: String
  public var line: Int

  public init(keys: [KeyEvent], command: BoundCommand, fileName: String, line: Int) {
    self.keys = keys
    self.command = command
    self.fileName = fileName
    self.line = line
  }
}

/// The text of a keymap file and the names it is known by.
public struct KeymapSource: Sendable {
  /// The name other keymaps use in `extends` (`radiology`).
  public var name: String
  /// The file name used in error messages (`Keymaps/radiology.toml`).
  public var fileName: String
  public var text: String

  public init(name: String, fileName: String, text: String) {
    self.name = name
    self.fileName = fileName
    self.text = text
  }
}
