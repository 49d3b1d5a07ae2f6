import TOMLSupport

extension LabelSchema {
  /// Parses and validates `labels.toml` text; throws every problem found, each with its line.
  public static func parse(toml text: String, fileName: String = "labels.toml")
    throws(LabelSchemaError) -> LabelSchema
  {
    let tree: TOMLTree
    let lines: TOMLLineIndex
    do {
      (tree, lines) = try TOMLTree.parse(text)
    } catch {
      throw LabelSchemaError(
        fileName: fileName,
        issues: [
          LabelSchemaIssue(
            line: error.line, context: "",
            problem: .syntax(message: error.message, column: error.column))
        ])
    }
    var reader = LabelSchemaReader(lineIndex: lines)
    let schema = reader.readSchema(tree)
    guard reader.issues.isEmpty else {
      let sorted = reader.issues.enumerated().sorted {
        ($0.element.line, $0.offset) < ($1.element.line, $1.offset)
      }
      throw LabelSchemaError(fileName: fileName, issues: sorted.map(\.element))
    }
    return schema
  }
}
