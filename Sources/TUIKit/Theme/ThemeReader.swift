import TOMLSupport

extension Theme {
  /// Parses and validates theme TOML; throws every problem found, each with its line.
  ///
  /// The format: `version = 1`, `name = "dark"`, and a `[roles]` table whose entries are
  /// inline tables `role = { fg = COLOR, bg = COLOR, attributes = ["bold", ...] }`. A COLOR is
  /// `"#rrggbb"`, an integer 0-255, `"default"` or an ANSI name. Roles left out come from
  /// `Theme.fallback`.
  public static func parse(toml text: String, fileName: String) throws(ThemeError) -> Theme {
    let tree: TOMLTree
    let lines: TOMLLineIndex
    do {
      (tree, lines) = try TOMLTree.parse(text)
    } catch {
      throw ThemeError(
        fileName: fileName,
        issues: [
          ThemeIssue(
            line: error.line, problem: .syntax(message: error.message, column: error.column))
        ])
    }
    var reader = ThemeReader(lines: lines)
    let theme = reader.readTheme(tree, defaultName: fileName)
    guard reader.issues.isEmpty else {
      let sorted = reader.issues.enumerated().sorted {
        ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
      }
      throw ThemeError(fileName: fileName, issues: sorted.map(\.element))
    }
    return theme
  }
}

/// Walks a parsed theme tree, collecting styles and every problem with its line.
private struct ThemeReader {
  let lines: TOMLLineIndex
  var issues: [ThemeIssue] = []

  init(lines: TOMLLineIndex) {
    self.lines = lines
  }

  mutating func report(_ problem: ThemeProblem, at path: String) {
    issues.append(ThemeIssue(line: lines.line(of: path), problem: problem))
  }

  mutating func readTheme(_ root: TOMLTree, defaultName: String) -> Theme {
    guard case .table(let entries) = root else { return Theme(name: defaultName, styles: [:]) }
    var name = defaultName
    var styles: [ThemeRole: Style] = [:]
    for (key, value) in entries {
      switch (key, value) {
      case ("version", .integer(let version)):
        if version != 1 { report(.unsupportedVersion(version), at: key) }
      case ("version", _):
        report(
          .wrongType(key: key, expected: "an integer", found: value.typeNameWithArticle), at: key)
      case ("name", .string(let text)):
        name = text
      case ("name", _):
        report(
          .wrongType(key: key, expected: "a string", found: value.typeNameWithArticle), at: key)
      case ("roles", .table(let roles)):
        styles = readRoles(roles)
      case ("roles", _):
        report(.wrongType(key: key, expected: "a table", found: value.typeNameWithArticle), at: key)
      default:
        report(.unknownKey(key, allowed: ["version", "name", "roles"]), at: key)
      }
    }
    return Theme(name: name, styles: styles)
  }

  mutating func readRoles(_ entries: [(key: String, value: TOMLTree)]) -> [ThemeRole: Style] {
    var styles: [ThemeRole: Style] = [:]
    for (key, value) in entries {
      let path = TOMLLineIndex.child("roles", key)
      guard let role = ThemeRole(rawValue: key) else {
        report(.unknownRole(key), at: path)
        continue
      }
      guard case .table(let fields) = value else {
        report(
          .wrongType(
            key: key, expected: "a table such as { fg = \"red\" }", found: value.typeNameWithArticle
          ),
          at: path)
        continue
      }
      styles[role] = readStyle(fields, path: path)
    }
    return styles
  }

  mutating func readStyle(_ fields: [(key: String, value: TOMLTree)], path: String) -> Style {
    var style = Style()
    for (key, value) in fields {
      let fieldPath = TOMLLineIndex.child(path, key)
      switch key {
      case "fg": style.foreground = readColor(value, path: fieldPath) ?? .default
      case "bg": style.background = readColor(value, path: fieldPath) ?? .default
      case "attributes": readAttributes(value, path: fieldPath, into: &style)
      default: report(.unknownKey(key, allowed: ["fg", "bg", "attributes"]), at: fieldPath)
      }
    }
    return style
  }

  mutating func readColor(_ value: TOMLTree, path: String) -> TerminalColor? {
    switch value {
    case .string(let text):
      if let color = TerminalColor(name: text) { return color }
      report(.badColor("\"\(text)\""), at: path)
    case .integer(let index):
      if (0...255).contains(index) { return .indexed(UInt8(index)) }
      report(.badColor(String(index)), at: path)
    default:
      report(.badColor(value.typeNameWithArticle), at: path)
    }
    return nil
  }

  mutating func readAttributes(_ value: TOMLTree, path: String, into style: inout Style) {
    guard case .array(let elements) = value else {
      report(
        .wrongType(
          key: "attributes", expected: "an array of strings", found: value.typeNameWithArticle),
        at: path)
      return
    }
    for (index, element) in elements.enumerated() {
      let elementPath = TOMLLineIndex.element(path, index)
      guard case .string(let name) = element else {
        report(.unknownAttribute(element.typeNameWithArticle), at: elementPath)
        continue
      }
      switch name {
      case "bold": style.bold = true
      case "dim": style.dim = true
      case "underline": style.underline = true
      case "reverse": style.reverse = true
      default: report(.unknownAttribute(name), at: elementPath)
      }
    }
  }
}
