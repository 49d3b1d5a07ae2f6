import Foundation

/// Lists the regular files under the paths a user gives to `annotty import`.
public enum FileWalker {
  /// Files of the workspace itself, never imported.
  static let workspaceFiles: Set<String> = [
    "annotty.sqlite", "annotty.sqlite-wal", "annotty.sqlite-shm", "labels.toml",
  ]

  /// Every regular file under `paths` (files are taken as they are, folders recursively),
  /// sorted, without duplicates; symbolic links to folders are not followed, so a loop cannot
  /// make the walk endless. A path that does not exist is an error.
  public static func files(under paths: [String]) throws(ImportError) -> [String] {
    var found = Set<String>()
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ImportError(path: path, message: "no such file or folder")
      }
      guard isDirectory.boolValue else {
        found.insert(URL(fileURLWithPath: path).standardizedFileURL.path)
        continue
      }
      let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
      guard
        let enumerator = FileManager.default.enumerator(
          at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [],
          errorHandler: { _, _ in true })
      else {
        throw ImportError(path: path, message: "cannot be listed")
      }
      for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
          !workspaceFiles.contains(url.lastPathComponent)
        else { continue }
        found.insert(url.standardizedFileURL.path)
      }
    }
    return found.sorted()
  }
}
