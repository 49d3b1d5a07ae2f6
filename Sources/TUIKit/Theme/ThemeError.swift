/// Everything wrong with a theme file, each problem with its line.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file name used in messages, such as `Themes/dark.toml`.
  public var fileName: String
  /// Sorted by line.
  public var issues: [ThemeIssue]

  public init(fileName: String, issues: [ThemeIssue]) {
    self.fileName = fileName
    self.issues = issues
  }

  /// One `file:line: message` per issue.
  public var description: String {
    issues.map { "\(fileName):\($0.line): \($0.problem)" }.joined(separator: "\n")
  }
}

/// One problem in a theme file, at a 1-based line.
public struct ThemeIssue: Sendable, Equatable {
  public var line: Int
  public var problem: ThemeProblem

  public init(line: Int, problem: ThemeProblem) {
    self.line = line
    self.problem = problem
  }
}

/// What is wrong, in terms a person editing the theme can act on.
public enum ThemeProblem: Sendable, Equatable, CustomStringConvertible {
  case syntax(message: String, column: Int)
  case unknownKey(String, allowed: [String])
  case unknownRole(String)
  case badColor(String)
  case unknownAttribute(String)
  case wrongType(key: String, expected: String, found: String)
  case unsupportedVersion(Int)

  public var description: String {
    switch self {
    case .syntax(let message, let column):
      return "column \(column): \(message)"
    case .unknownKey(let key, let allowed):
      return "unknown key \"\(key)\"; expected one of \(allowed.joined(separator: ", "))"
    case .unknownRole(let role):
      return "unknown role \"\(role)\"; roles are "
        + ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
    case .badColor(let text):
      return "bad color \(text); use \"#rrggbb\", an index 0-255, \"default\" or a name such as "
        + "\"red\" or \"bright-red\""
    case .unknownAttribute(let name):
      return "unknown attribute \"\(name)\"; attributes are bold, dim, underline, reverse"
    case .wrongType(let key, let expected, let found):
      return "\"\(key)\" must be \(expected), found \(found)"
    case .unsupportedVersion(let version):
      return "unsupported version \(version); this annotty reads version 1"
    }
  }
}
