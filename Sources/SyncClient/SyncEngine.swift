import Annotations
import Foundation
import SyncProtocol
import Workspace

/// One round of sync: push the outbox in order, then pull every change after the cursor.
/// Each step commits with its cursor, so a round killed anywhere is simply run again.
public struct SyncEngine: Sendable {
  public let workspace: Workspace
  public let transport: any SyncTransport
  /// Sent when the workspace registers with the server.
  public var deviceName: String

  public init(workspace: Workspace, transport: any SyncTransport, deviceName: String) {
    self.workspace = workspace
    self.transport = transport
    self.deviceName = deviceName
  }

  /// Pushes and pulls until both are done; throws on the first failure (nothing committed is lost).
  public func run() async throws -> SyncReport {
    let settings = try workspace.sync.settings()
    guard let project = settings.project else {
      throw SyncError.notConfigured("the workspace has no project: run annotty sync --project NAME")
    }
    var report = SyncReport()
    let started = Date()
    try await push(project: project, report: &report)
    let pushed = Date()
    try await pull(project: project, report: &report)
    report.pushSeconds = pushed.timeIntervalSince(started)
    report.pullSeconds = Date().timeIntervalSince(pushed)
    report.openConflicts = try workspace.sync.conflictCount()
    report.rejections = try workspace.sync.rejectionCount()
    report.pending = try workspace.sync.pendingCount()
    return report
  }

  private func clientID() async throws -> String {
    if let known = try workspace.sync.settings().serverClientID { return known }
    let registered = try await transport.register(deviceName: deviceName)
    try workspace.sync.setServerClientID(registered.clientID)
    return registered.clientID
  }

  private func push(project: String, report: inout SyncReport) async throws {
    var resets = 0
    while true {
      let pending = try workspace.sync.pending(limit: SyncLimits.maximumPushMutations)
      guard !pending.isEmpty else { return }
      let request = PushRequest(clientID: try await clientID(), mutations: pending.map(Self.wire))
      let response: PushResponse
      do {
        response = try await transport.push(project: project, request)
      } catch SyncError.server(409, let error) where error.error == "client_reset_required" {
        // The server saw another mutation under one of our numbers (this workspace was copied
        // or restored): start again as a new client; each mutation is checked on its own.
        resets += 1
        guard resets <= 1 else { throw SyncError.server(status: 409, error) }
        try workspace.sync.resetClient()
        continue
      } catch let failure as SyncError {
        if failure.isTransient {
          try? workspace.annotations.recordFailedAttempt(
            clientSeqs: pending.map(\.clientSeq), error: failure.description)
        }
        throw failure
      }
      let records = try response.results.map(Self.record)
      guard !records.isEmpty else {
        throw SyncError.protocolViolation("a push of \(pending.count) mutations got no results")
      }
      try workspace.sync.record(records)
      for record in records {
        switch record.outcome {
        case .applied: report.applied += 1
        case .conflict: report.conflicts += 1
        case .rejected: report.rejected += 1
        }
      }
    }
  }

  private func pull(project: String, report: inout SyncReport) async throws {
    var after = try workspace.sync.settings().pulledSeq
    while true {
      let page = try await transport.pull(
        project: project, after: after, limit: SyncLimits.maximumPageChanges)
      guard page.nextCursor >= after else {
        throw SyncError.protocolViolation(
          "the pull cursor went back from \(after) to \(page.nextCursor)")
      }
      report.pulled += page.changes.count
      report.changedLocally += try workspace.sync.applyPulled(
        page.changes.map { Self.version($0.record) }, nextCursor: page.nextCursor)
      after = page.nextCursor
      if !page.hasMore { return }
    }
  }

  static func wire(_ mutation: PendingMutation) -> PushMutation {
    PushMutation(
      clientSeq: mutation.clientSeq, mutationID: mutation.mutationID,
      name: SyncProtocol.MutationName(rawValue: mutation.name.rawValue) ?? .updateAnnotation,
      annotationID: mutation.annotationID, baseRevision: mutation.baseRevision,
      scope: AnnotationScope(
        studyInstanceUID: mutation.studyInstanceUID, seriesInstanceUID: mutation.seriesInstanceUID,
        sopInstanceUID: mutation.sopInstanceUID, frame: mutation.frame),
      body: mutation.body, clientTime: mutation.createdAt.description)
  }

  static func version(_ record: ChangeRecord) -> ServerVersion {
    ServerVersion(
      annotationID: record.annotationID, revision: record.revision, deleted: record.deleted,
      body: record.body, author: record.author)
  }

  static func record(_ result: MutationResult) throws -> PushResultRecord {
    switch result.outcome {
    case .applied:
      return PushResultRecord(
        clientSeq: result.clientSeq, outcome: .applied)
    case .conflict:
      guard let server = result.server else {
        throw SyncError.protocolViolation("conflict without the server's version")
      }
      return PushResultRecord(clientSeq: result.clientSeq, outcome: .conflict(version(server)))
    case .rejected:
      return PushResultRecord(
        clientSeq: result.clientSeq, outcome: .rejected(code: result.code ?? "rejected"))
    }
  }
}

/// What one round did.
public struct SyncReport: Sendable, Equatable {
  public var applied = 0
  public var conflicts = 0
  public var rejected = 0
  public var pulled = 0
  /// Pulled changes that changed an annotation here (others were my own, already here).
  public var changedLocally = 0
  public var openConflicts = 0
  public var rejections = 0
  /// Mutations still waiting (none after a successful round).
  public var pending = 0
  /// How long the push and the pull took.
  public var pushSeconds = 0.0
  public var pullSeconds = 0.0

  public init() {}

  /// `pushed 3 (2 applied, 1 conflict), pulled 5 (2 changed here); 1 conflict open`.
  public var summary: String {
    var text = "pushed \(applied + conflicts + rejected)"
    if applied + conflicts + rejected > 0 {
      text +=
        " (\(applied) applied, \(conflicts) conflict\(conflicts == 1 ? "" : "s"), \(rejected) rejected)"
    }
    text += ", pulled \(pulled) (\(changedLocally) changed here)"
    text += "; \(openConflicts) conflict\(openConflicts == 1 ? "" : "s") open"
    if rejections > 0 { text += ", \(rejections) rejected change\(rejections == 1 ? "" : "s")" }
    return text
  }
}

extension SyncEngine {
  /// An engine talking HTTP to `server` with `token`, registering as this host and workspace;
  /// nil when `server` is not a URL.
  public static func connecting(
    _ workspace: Workspace, server: String, token: String, timeout: TimeInterval = 30
  ) -> SyncEngine? {
    guard let base = URL(string: server) else { return nil }
    let folder = URL(fileURLWithPath: workspace.folderPath).standardizedFileURL.path
    return SyncEngine(
      workspace: workspace, transport: HTTPTransport(baseURL: base, token: token, timeout: timeout),
      deviceName: "\(ProcessInfo.processInfo.hostName):\(folder)")
  }
}
