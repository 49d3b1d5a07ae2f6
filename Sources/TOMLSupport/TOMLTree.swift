import TOMLKit

/// A parsed TOML value copied out of TOMLKit's C++-backed objects, so validation works on plain
/// Sendable values and never touches storage whose lifetime belongs to the parser.
public enum TOMLTree: Sendable, Equatable {
  case table([(key: String, value: TOMLTree)])
  case array([TOMLTree])
  case string(String)
  case integer(Int)
  case float(Double)
  case boolean(Bool)
  /// Dates and times: valid TOML, never meaningful in a label schema.
  case other(typeName: String)

  public static func == (lhs: TOMLTree, rhs: TOMLTree) -> Bool {
    switch (lhs, rhs) {
    case (.table(let a), .table(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    case (.array(let a), .array(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.integer(let a), .integer(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.boolean(let a), .boolean(let b)): return a == b
    case (.other(let a), .other(let b)): return a == b
    default: return false
    }
  }

  /// How the value's type is named in error messages.
  public var typeName: String {
    switch self {
    case .table: return "table"
    case .array: return "array"
    case .string: return "string"
    case .integer: return "integer"
    case .float: return "float"
    case .boolean: return "boolean"
    case .other(let name): return name
    }
  }

  /// `a string`, `an integer`: for messages about array elements.
  public var typeNameWithArticle: String {
    let name = typeName
    return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
  }

  /// The syntax error TOMLKit reported, with its 1-based line and column.
  public struct SyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
  }

  /// Parses TOML text into a tree and indexes its lines; syntax errors carry line and column.
  public static func parse(_ text: String) throws(SyntaxError) -> (
    tree: TOMLTree, lines: TOMLLineIndex
  ) {
    let lines = TOMLLineIndex(text: text)
    if let hazard = lines.parserHazard { throw hazard }
    let root: TOMLTable
    do {
      root = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw SyntaxError(
        line: max(1, error.source.begin.line), column: max(1, error.source.begin.column),
        message: error.description)
    } catch {
      throw SyntaxError(line: 1, column: 1, message: "\(error)")
    }
    return (withExtendedLifetime(root) { copy(root) }, lines)
  }

  private static func copy(_ table: TOMLTable) -> TOMLTree {
    var entries: [(key: String, value: TOMLTree)] = []
    for (key, value) in table {
      entries.append((key, copy(value)))
    }
    return .table(entries)
  }

  private static func copy(_ value: TOMLValueConvertible) -> TOMLTree {
    switch value.type {
    case .table:
      guard let table = value.table else { return .other(typeName: "table") }
      return copy(table)
    case .array:
      guard let array = value.array else { return .other(typeName: "array") }
      return .array(array.map { copy($0) })
    case .string: return value.string.map { .string($0) } ?? .other(typeName: "string")
    case .int: return value.int.map { .integer($0) } ?? .other(typeName: "integer")
    case .double: return value.double.map { .float($0) } ?? .other(typeName: "float")
    case .bool: return value.bool.map { .boolean($0) } ?? .other(typeName: "boolean")
    case .date: return .other(typeName: "date")
    case .time: return .other(typeName: "time")
    case .dateTime: return .other(typeName: "date-time")
    }
  }
}
