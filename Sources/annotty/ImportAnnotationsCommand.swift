import Annotations
import ArgumentParser
import Foundation
import Workspace

/// `annotty import-annotations`: reads a JSONL export back (or pre-labels from elsewhere).
struct ImportAnnotationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import-annotations",
    abstract: "Add annotations from a JSONL file (the jsonl export's format).",
    discussion: """
      Every line is checked against the workspace's labels.toml first; if any line is wrong,
      nothing is imported and each problem is reported with its line number. Annotations whose
      id already exists are updated; the others are added. Each one is an undoable edit and is
      queued for sync.
      """)

  @Argument(help: "A .jsonl file, one annotation per line.") var file: String
  @OptionGroup var workspace: WorkspaceOption

  func run() throws {
    guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
      throw InputError(path: file, message: "cannot be read as UTF-8 text")
    }
    let opened = try workspace.open()
    let schema = try LabelSchemaFile.load(workspace: workspace.path)
    var annotations: [Annotation] = []
    var problems: [String] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      do {
        let annotation = try AnnotationJSON.decode(Annotation.self, from: String(line))
        let issues = schema.validate(annotation)
        if issues.isEmpty {
          annotations.append(annotation)
        } else {
          problems += issues.map { "line \(number + 1): \($0)" }
        }
      } catch {
        problems.append("line \(number + 1): not an annotation (\(error))")
      }
    }
    guard problems.isEmpty else {
      throw InputError(
        path: file, message: "nothing imported:\n  " + problems.joined(separator: "\n  "))
    }
    var added = 0
    var updated = 0
    var unchanged = 0
    var edits: [AnnotationEdit] = []
    do {
      let existing = try opened.annotations.annotations(ids: annotations.map(\.id))
      for annotation in annotations {
        if let stored = existing[annotation.id], !stored.isDeleted {
          // Importing the same file twice must not queue edits that change nothing.
          var same = annotation
          same.revision = stored.annotation.revision
          if same == stored.annotation {
            unchanged += 1
            continue
          }
          edits.append(.update(before: stored.annotation, after: annotation))
          updated += 1
        } else {
          edits.append(.add(annotation))
          added += 1
        }
      }
      // One transaction: a failure part-way leaves the workspace as it was.
      try opened.annotations.applyAll(edits)
    } catch {
      throw InputError(path: file, message: "nothing imported: \(error)")
    }
    print("\(added) added, \(updated) updated, \(unchanged) unchanged")
  }
}
