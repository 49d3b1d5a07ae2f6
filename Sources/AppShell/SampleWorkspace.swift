import Foundation
import SampleData
import Workspace

/// The synthetic sample study written into a folder and indexed there as a workspace, for
/// tests, benchmarks and first runs.
public enum SampleWorkspace {
  /// Writes the sample files under `folder` (created when missing) and imports them.
  public static func create(at folder: String) throws -> Workspace {
    let root = URL(fileURLWithPath: folder)
    for file in try SyntheticStudy.files() {
      let target = root.appendingPathComponent(file.relativePath)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try file.bytes.write(to: target)
    }
    let workspace = try Workspace(folderPath: folder)
    _ = try Importer(workspace: workspace).run(paths: [folder])
    return workspace
  }
}
