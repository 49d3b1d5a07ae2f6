/// Why a workspace operation failed, with what a person needs to fix it.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
  case notAFolder(path: String)
  case cannotCreateFolder(path: String, reason: String)
  /// SQLite refused: the file is not a database, is locked, or the disk is full.
  case database(path: String, underlying: String)
  /// The writer does not run `synchronous = FULL` after opening.
  case notDurable(path: String, synchronous: Int?)
  /// A stored row does not decode; the workspace was written by something else or damaged.
  case corruptRow(table: String, key: String, reason: String)
  /// An indexed instance has no path or an invalid frame count.
  case invalidInstance(path: String, reason: String)
  /// No open sync conflict for that annotation.
  case noSuchConflict(annotationID: String)

  public var description: String {
    switch self {
    case .notAFolder(let path):
      return "workspace \(path) exists but is not a folder; pass a folder path with -w"
    case .cannotCreateFolder(let path, let reason):
      return "cannot create workspace folder \(path): \(reason)"
    case .database(let path, let underlying):
      return "workspace database \(path): \(underlying)"
    case .notDurable(let path, let synchronous):
      return "workspace database \(path) runs PRAGMA synchronous = "
        + "\(synchronous.map(String.init) ?? "unknown") instead of FULL (2); refusing to store edits"
    case .corruptRow(let table, let key, let reason):
      return "workspace table \(table), row \(key) does not decode: \(reason)"
    case .invalidInstance(let path, let reason):
      return "cannot index \(path.isEmpty ? "(empty path)" : path): \(reason)"
    case .noSuchConflict(let annotationID):
      return "no open sync conflict for annotation \(annotationID)"
    }
  }
}
