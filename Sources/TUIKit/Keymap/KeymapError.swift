/// Every problem found in a keymap, each with its file and line.
public struct KeymapError: Error, Sendable, Equatable, CustomStringConvertible {
  public var issues: [KeymapIssue]

  public init(issues: [KeymapIssue]) {
    self.issues = issues
  }

  public var description: String {
    issues.map(\.description).joined(separator: "\n")
  }
}

/// One problem in a keymap file.
public struct KeymapIssue: Sendable, Equatable, CustomStringConvertible {
  public var fileName: String
  public var line: Int
  /// The mode (table) the problem is in, if any.
  public var mode: String?
  public var problem: Problem

  public init(fileName: String, line: Int, mode: String? = nil, problem: Problem) {
    self.fileName = fileName
    self.line = line
    self.mode = mode
    self.problem = problem
  }

  /// What is wrong.
  public enum Problem: Sendable, Equatable {
    case syntax(message: String, column: Int)
    case unknownTopLevelKey(String)
    case wrongType(key: String, expected: String, found: String)
    case unknownMode(String)
    case unknownParent(String)
    case extendsCycle([String])
    case badKeyNotation(KeyNotationError)
    case emptyCommand(keys: String)
    case unknownCommand(String)
    case wrongArgumentCount(command: String, expected: Int, found: Int)
    /// The same keys, perhaps written differently (`<C-L>`, `<C-l>`), bound twice in one mode.
    case duplicateKeys(keys: String, firstLine: Int)
    /// `prefix` is bound and also begins `longer`, so `longer` could never be typed.
    case ambiguousPrefix(prefix: String, longer: String, otherFileName: String, otherLine: Int)
  }

  public var description: String {
    let place = "\(fileName):\(line): " + (mode.map { "[\($0)] " } ?? "")
    return place + message
  }

  /// The problem in words, with what to do about it.
  public var message: String {
    switch problem {
    case .syntax(let message, let column):
      return "TOML syntax error at column \(column): \(message)"
    case .unknownTopLevelKey(let key):
      return "unknown key '\(key)'; the top level holds 'extends', 'description' and mode tables"
    case .wrongType(let key, let expected, let found):
      return "'\(key)' must be \(expected), not \(found)"
    case .unknownMode(let mode):
      return "unknown mode '\(mode)'"
    case .unknownParent(let name):
      return "extends unknown keymap '\(name)'"
    case .extendsCycle(let names):
      return "keymaps extend each other in a cycle: " + names.joined(separator: " -> ")
    case .badKeyNotation(let error):
      return error.description
    case .emptyCommand(let keys):
      return "'\(keys)' is bound to an empty command; write \"none\" to unbind it"
    case .unknownCommand(let name):
      return "unknown command '\(name)'"
    case .wrongArgumentCount(let command, let expected, let found):
      return "'\(command)' takes \(expected) argument\(expected == 1 ? "" : "s"), got \(found)"
    case .duplicateKeys(let keys, let firstLine):
      return "'\(keys)' is already bound on line \(firstLine)"
    case .ambiguousPrefix(let prefix, let longer, let otherFileName, let otherLine):
      return "'\(prefix)' is bound and is also the start of '\(longer)' "
        + "(\(otherFileName):\(otherLine)); the longer sequence could never be typed"
    }
  }
}
