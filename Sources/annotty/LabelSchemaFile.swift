import Annotations
import Foundation

/// The workspace's `labels.toml`: written with the default CT head schema when missing.
enum LabelSchemaFile {
  static func load(workspace: String) throws -> LabelSchema {
    let path = URL(fileURLWithPath: workspace).appendingPathComponent("labels.toml").path
    if !FileManager.default.fileExists(atPath: path) {
      try writeOutput(Array(LabelSchema.defaultTOML.utf8), to: path)
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw InputError(path: path, message: "cannot be read as UTF-8 text")
    }
    do {
      return try LabelSchema.parse(toml: text, fileName: path)
    } catch {
      throw InputError(path: path, message: "\n\(error)")
    }
  }
}
