import TOMLSupport

/// What one keymap file says, before `extends` is resolved; entries are already checked
/// against the catalog, and the problems found are in `issues`.
struct KeymapFileContents {
  struct Entry {
    var keys: [KeyEvent]
    /// nil for `"none"`, which removes a binding the parent keymap made.
    var command: BoundCommand?
    var line: Int
  }

  struct Mode {
    var name: String
    var entries: [Entry]
  }

  var extends: (name: String, line: Int)?
  var modes: [Mode] = []
  var issues: [KeymapIssue] = []
}

/// Reads one keymap file's TOML into `KeymapFileContents`.
struct KeymapFileReader {
  /// The value that unbinds a key inherited through `extends`.
  static let unbindValue = "none"

  let fileName: String
  let catalog: CommandCatalog

  func read(_ text: String) -> KeymapFileContents {
    var contents = KeymapFileContents()
    let tree: TOMLTree
    let lines: TOMLLineIndex
    do {
      (tree, lines) = try TOMLTree.parse(text)
    } catch {
      contents.issues.append(
        KeymapIssue(
          fileName: fileName, line: error.line,
          problem: .syntax(message: error.message, column: error.column)))
      return contents
    }
    guard case .table(let entries) = tree else { return contents }
    var modes: [(mode: KeymapFileContents.Mode, line: Int)] = []
    for (key, value) in entries {
      let line = lines.line(of: key)
      switch (key, value) {
      case ("extends", .string(let name)):
        contents.extends = (name, line)
      case ("description", .string):
        break
      case ("extends", _), ("description", _):
        contents.issues.append(
          issue(line, nil, .wrongType(key: key, expected: "a string", found: value.typeName)))
      case (_, .table(let bindings)):
        guard catalog.mode(named: key) != nil else {
          contents.issues.append(issue(line, nil, .unknownMode(key)))
          continue
        }
        let mode = readMode(key, bindings, lines: lines, issues: &contents.issues)
        modes.append((mode, line))
      default:
        contents.issues.append(issue(line, nil, .unknownTopLevelKey(key)))
      }
    }
    // TOMLKit returns keys sorted; file order is what people expect in help and docs.
    contents.modes = modes.sorted { $0.line < $1.line }.map(\.mode)
    return contents
  }

  private func readMode(
    _ name: String, _ bindings: [(key: String, value: TOMLTree)], lines: TOMLLineIndex,
    issues: inout [KeymapIssue]
  ) -> KeymapFileContents.Mode {
    var entries: [KeymapFileContents.Entry] = []
    for (notation, value) in bindings {
      let line = lines.line(of: TOMLLineIndex.child(name, notation))
      let keys: [KeyEvent]
      do {
        keys = try KeyNotation.parse(notation)
      } catch {
        issues.append(issue(line, name, .badKeyNotation(error)))
        continue
      }
      guard case .string(let text) = value else {
        issues.append(
          issue(line, name, .wrongType(key: notation, expected: "a string", found: value.typeName)))
        continue
      }
      if text == Self.unbindValue {
        entries.append(.init(keys: keys, command: nil, line: line))
        continue
      }
      guard let command = BoundCommand(parsing: text) else {
        issues.append(issue(line, name, .emptyCommand(keys: notation)))
        continue
      }
      guard let known = catalog.command(named: command.name) else {
        issues.append(issue(line, name, .unknownCommand(command.name)))
        continue
      }
      guard known.argumentCount == command.arguments.count else {
        issues.append(
          issue(
            line, name,
            .wrongArgumentCount(
              command: command.name, expected: known.argumentCount,
              found: command.arguments.count)))
        continue
      }
      entries.append(.init(keys: keys, command: command, line: line))
    }
    entries.sort { $0.line < $1.line }
    reportDuplicates(entries, mode: name, issues: &issues)
    return KeymapFileContents.Mode(name: name, entries: entries)
  }

  /// Two notations of the same keys in one table: TOML sees different keys, the terminal not.
  private func reportDuplicates(
    _ entries: [KeymapFileContents.Entry], mode: String, issues: inout [KeymapIssue]
  ) {
    var firstLines: [[KeyEvent]: Int] = [:]
    for entry in entries {
      if let firstLine = firstLines[entry.keys] {
        issues.append(
          issue(
            entry.line, mode,
            .duplicateKeys(keys: KeyNotation.format(entry.keys), firstLine: firstLine)))
      } else {
        firstLines[entry.keys] = entry.line
      }
    }
  }

  private func issue(_ line: Int, _ mode: String?, _ problem: KeymapIssue.Problem) -> KeymapIssue {
    KeymapIssue(fileName: fileName, line: line, mode: mode, problem: problem)
  }
}
