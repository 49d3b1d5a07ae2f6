import Annotations
import Foundation
import SyncClient
import SyncProtocol
import Testing
import Workspace

/// A server with a project, users and their workspaces, in one temporary folder.
final class SyncFixture: @unchecked Sendable {
  let root: String
  let server: ServerProcess
  let project = "head-ct"
  static let study = "2.25.100"
  static let series = "2.25.100.1"

  init() throws {
    root = NSTemporaryDirectory() + "annotty-sync-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    server = ServerProcess(dataFolder: root + "/server")
    try server.start()
    try server.admin(["project", "create", project])
  }

  deinit {
    server.stop(signal: SIGKILL)
    try? FileManager.default.removeItem(atPath: root)
  }

  /// An annotator (assigned the study) or another role, with its token.
  func user(_ name: String, role: String = "annotator", assigned: Bool = true) throws -> String {
    let token = try server.addUser(name, role: role)
    if assigned { try server.admin(["assign", project, name, Self.study]) }
    return token
  }

  /// A workspace folder `name` syncing as the token's user through `url` (default: the server).
  func workspace(_ name: String) throws -> Workspace {
    try Workspace(folderPath: "\(root)/\(name)")
  }

  func engine(_ workspace: Workspace, token: String, url: String? = nil) throws -> SyncEngine {
    let address = url ?? server.url
    try workspace.sync.configure(serverURL: address, project: project)
    return try #require(
      SyncEngine.connecting(workspace, server: address, token: token, timeout: 10))
  }

  static func box(_ index: Int, author: String, x: Double = 10) -> Annotation {
    Annotation(
      id: Annotation.makeID(), label: "hemorrhage",
      shape: .box(BoundingBox(x: x, y: Double(index), width: 20, height: 20)),
      target: .image(
        ImageReference(
          studyInstanceUID: study, seriesInstanceUID: series, sopInstanceUID: "\(series).\(index)")),
      author: author, createdAt: Timestamp(millisecondsSinceEpoch: 1_780_000_000_000))
  }

  /// Every annotation of a workspace, deleted ones included, as (id, revision, deleted, shape).
  static func snapshot(_ workspace: Workspace) throws -> [String: String] {
    var result: [String: String] = [:]
    for stored in try workspace.annotations.allStored() {
      let annotation = stored.annotation
      result[annotation.id] =
        "r\(annotation.revision) \(stored.isDeleted ? "deleted" : "live") \(annotation.shape)"
    }
    return result
  }
}
