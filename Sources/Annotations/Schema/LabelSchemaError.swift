/// Everything wrong with a label schema file, each problem with its line; never just the first.
public struct LabelSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file name used in messages, such as `labels.toml`.
  public var fileName: String
  /// Sorted by line.
  public var issues: [LabelSchemaIssue]

  public init(fileName: String, issues: [LabelSchemaIssue]) {
    self.fileName = fileName
    self.issues = issues
  }

  /// One `file:line: message` per issue.
  public var description: String {
    issues.map { "\(fileName):\($0)" }.joined(separator: "\n")
  }
}

/// One problem in a label schema file, at a 1-based line.
public struct LabelSchemaIssue: Sendable, Equatable, CustomStringConvertible {
  public var line: Int
  /// Which entry the problem is in, such as `label "mass", attribute "size"`; empty at top level.
  public var context: String
  public var problem: LabelSchemaProblem

  public init(line: Int, context: String, problem: LabelSchemaProblem) {
    self.line = line
    self.context = context
    self.problem = problem
  }

  /// `line: context: problem`.
  public var description: String {
    context.isEmpty ? "\(line): \(problem)" : "\(line): \(context): \(problem)"
  }
}

/// What is wrong, in terms a person editing `labels.toml` can act on.
public enum LabelSchemaProblem: Sendable, Equatable, CustomStringConvertible {
  case syntax(message: String, column: Int)
  case unknownKey(String, allowed: [String])
  case missingKey(String)
  case wrongType(key: String, expected: String, found: String)
  case unsupportedVersion(Int)
  case emptyValue(key: String)
  case duplicateLabel(String, firstLine: Int)
  case duplicateQuestion(String, firstLine: Int)
  case duplicateAttribute(String, firstLine: Int)
  case duplicateChoice(String, firstLine: Int)
  case duplicateKind(String)
  case duplicateHotkey(String, firstLine: Int)
  case questionNamedLikeLabel(String, labelLine: Int)
  case badColor(String)
  case badHotkey(String)
  case emptyChoices
  case emptyKinds
  case unknownKind(String)
  case unknownAttributeType(String)
  case unknownLevel(String)
  case unknownAnswerMode(String)
  case keyOnlyForType(key: String, type: String, actualType: String)
  case minimumAboveMaximum(minimum: Double, maximum: Double)
  case notFinite(key: String)

  public var description: String {
    switch self {
    case .syntax(let message, let column):
      return "TOML syntax error at column \(column): \(message)"
    case .unknownKey(let key, let allowed):
      return "unknown key \"\(key)\" (allowed: \(allowed.joined(separator: ", ")))"
    case .missingKey(let key):
      return "missing required key \"\(key)\""
    case .wrongType(let key, let expected, let found):
      return "\"\(key)\" must be \(expected), not \(found)"
    case .unsupportedVersion(let version):
      return "unsupported schema version \(version) (this annotty reads version 1)"
    case .emptyValue(let key):
      return "\"\(key)\" must not be empty"
    case .duplicateLabel(let name, let firstLine):
      return "duplicate label \"\(name)\" (first defined on line \(firstLine))"
    case .duplicateQuestion(let id, let firstLine):
      return "duplicate question id \"\(id)\" (first defined on line \(firstLine))"
    case .duplicateAttribute(let name, let firstLine):
      return "duplicate attribute \"\(name)\" (first defined on line \(firstLine))"
    case .duplicateChoice(let name, let firstLine):
      return "duplicate choice \"\(name)\" (first listed on line \(firstLine))"
    case .duplicateKind(let kind):
      return "kind \"\(kind)\" listed twice"
    case .duplicateHotkey(let key, let firstLine):
      return "duplicate hotkey \"\(key)\" (already used on line \(firstLine))"
    case .questionNamedLikeLabel(let id, let labelLine):
      return "question id \"\(id)\" is also a label name (line \(labelLine)); annotations name"
        + " either by the same field, so they must differ"
    case .badColor(let text):
      return "color \"\(text)\" is not of the form #rrggbb (six hex digits)"
    case .badHotkey(let text):
      return "hotkey \"\(text)\" must be exactly one visible character"
    case .emptyChoices:
      return "\"choices\" must list at least one choice"
    case .emptyKinds:
      return "\"kinds\" must list at least one of box, polygon, classification"
    case .unknownKind(let kind):
      return "unknown kind \"\(kind)\" (expected box, polygon or classification)"
    case .unknownAttributeType(let type):
      return "unknown attribute type \"\(type)\" (expected choice, boolean, number or text)"
    case .unknownLevel(let level):
      return "unknown level \"\(level)\" (expected study, series or image)"
    case .unknownAnswerMode(let mode):
      return "unknown answers \"\(mode)\" (expected single or multiple)"
    case .keyOnlyForType(let key, let type, let actualType):
      return "\"\(key)\" applies only to type \(type), this attribute is \(actualType)"
    case .minimumAboveMaximum(let minimum, let maximum):
      return "min \(minimum) is greater than max \(maximum)"
    case .notFinite(let key):
      return "\"\(key)\" must be a finite number"
    }
  }
}
