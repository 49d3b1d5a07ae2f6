import Annotations
import Foundation
import GRDB
import Workspace

/// One `edit ...` line CrashEditor printed after a commit.
struct ReportedEdit: Equatable {
  var clientSeq: Int64
  var mutationID: String
  var operation: String
  var annotationID: String
  var revision: Int
  var isDeleted: Bool
  var bodyFingerprint: String
  var undoDepth: Int
  var redoDepth: Int

  init?(line: String) {
    let fields = line.split(separator: " ").map(String.init)
    guard fields.count == 10, fields[0] == "edit", let clientSeq = Int64(fields[1]),
      let revision = Int(fields[5]), let deleted = Int(fields[6]), let undo = Int(fields[8]),
      let redo = Int(fields[9])
    else { return nil }
    self.clientSeq = clientSeq
    mutationID = fields[2]
    operation = fields[3]
    annotationID = fields[4]
    self.revision = revision
    isDeleted = deleted == 1
    bodyFingerprint = fields[7]
    undoDepth = undo
    redoDepth = redo
  }
}

/// Accumulates what the killed editors reported and checks the workspace against it.
struct CrashChecker {
  private var reported: [Int64: ReportedEdit] = [:]
  private var verifiedThrough: Int64 = 0
  private(set) var unreportedCommits = 0
  /// Undo / redo depth as of the last reported edit or the last check, whichever is newer.
  private var depth = HistoryDepth(undoCount: 0, redoCount: 0)

  var reportedCount: Int { reported.count }

  mutating func record(_ edit: ReportedEdit) throws {
    guard reported[edit.clientSeq] == nil else {
      throw CrashTestSetupError(message: "client_seq \(edit.clientSeq) was reported twice")
    }
    reported[edit.clientSeq] = edit
    depth = HistoryDepth(undoCount: edit.undoDepth, redoCount: edit.redoDepth)
  }

  /// Checks the editor's `ready <next_client_seq> <undo> <redo>` line against the last check.
  func checkStart(_ line: String) -> [String] {
    let fields = line.split(separator: " ").compactMap { Int64($0) }
    let expected = [verifiedThrough + 1, Int64(depth.undoCount), Int64(depth.redoCount)]
    return fields == expected ? [] : ["editor started at \(line), expected \(expected)"]
  }

  /// Problems found in the workspace; empty when it is consistent with every report.
  mutating func verify(workspacePath: String) throws -> [String] {
    let workspace = try Workspace(folderPath: workspacePath)
    var problems: [String] = []
    let integrity = try workspace.integrityCheck()
    if integrity != ["ok"] { problems.append("integrity_check: \(integrity)") }
    let snapshot = try workspace.database.read { db in try Snapshot(db) }
    if !snapshot.foreignKeyViolations.isEmpty {
      problems.append("foreign_key_check: \(snapshot.foreignKeyViolations)")
    }
    let storedDepth = try workspace.annotations.historyDepth()

    // The outbox is append-only here: client_seq 1...N without gaps, N = next_client_seq - 1.
    let count = Int64(snapshot.outbox.count)
    if snapshot.outbox.map(\.clientSeq) != Array(stride(from: 1, through: count, by: 1)) {
      problems.append("outbox client_seq is not 1...\(count) without gaps")
    }
    if snapshot.nextClientSeq != count + 1 {
      problems.append("next_client_seq \(snapshot.nextClientSeq) after \(count) outbox rows")
    }
    // Every reported edit has its outbox row with the reported mutation and revision.
    for edit in reported.values {
      guard edit.clientSeq <= count else {
        problems.append(
          "reported edit \(edit.clientSeq) has no outbox row (outbox ends at \(count))")
        continue
      }
      let row = snapshot.outbox[Int(edit.clientSeq - 1)]
      if row.mutationID != edit.mutationID || row.annotationID != edit.annotationID
        || row.arguments.revision != edit.revision
      {
        problems.append("outbox row \(edit.clientSeq) differs from the report: \(row) vs \(edit)")
      }
    }
    // Since the last check, at most the last commit can be unreported (killed before printing).
    let fresh = (verifiedThrough + 1)...max(verifiedThrough + 1, count)
    let unreported = count > verifiedThrough ? fresh.filter { reported[$0] == nil } : []
    if unreported.count > 1 || (unreported.count == 1 && unreported[0] != count) {
      problems.append("edits committed but not reported: \(unreported) (outbox ends at \(count))")
    }
    unreportedCommits += unreported.count

    // Replaying the outbox gives exactly the annotation table: no change without its mutation.
    var lastMutation: [String: OutboxRow] = [:]
    for row in snapshot.outbox {
      let previous = lastMutation[row.annotationID]?.arguments.revision ?? 0
      if row.baseRevision != previous || row.arguments.revision != previous + 1 {
        problems.append(
          "outbox row \(row.clientSeq): base_rev \(row.baseRevision) rev "
            + "\(row.arguments.revision) after revision \(previous)")
      }
      lastMutation[row.annotationID] = row
    }
    if Set(lastMutation.keys) != Set(snapshot.annotations.keys) {
      problems.append(
        "annotations without mutations or mutations without annotations: "
          + "\(Set(lastMutation.keys).symmetricDifference(snapshot.annotations.keys))")
    }
    for (id, row) in lastMutation {
      guard let stored = snapshot.annotations[id] else { continue }
      let deleted = row.name == MutationName.deleteAnnotation.rawValue
      let bodyMatches = try deleted || row.arguments.body.map(AnnotationJSON.line) == stored.body
      if stored.revision != row.arguments.revision || stored.isDeleted != deleted || !bodyMatches {
        problems.append("annotation \(id) is not what its last mutation \(row.clientSeq) says")
      }
    }
    // Each annotation's last reported state is what is stored, unless a later commit changed it.
    var lastReported: [String: ReportedEdit] = [:]
    for edit in reported.values.sorted(by: { $0.clientSeq < $1.clientSeq }) {
      lastReported[edit.annotationID] = edit
    }
    for (id, edit) in lastReported {
      if let later = lastMutation[id], later.clientSeq > edit.clientSeq { continue }
      guard let stored = snapshot.annotations[id] else {
        problems.append("reported annotation \(id) is missing")
        continue
      }
      if stored.revision != edit.revision || stored.isDeleted != edit.isDeleted
        || fingerprint(stored.body) != edit.bodyFingerprint
      {
        problems.append("annotation \(id) differs from reported edit \(edit.clientSeq)")
      }
    }
    // The persisted undo / redo depth is the one printed last, or one step on from it when the
    // last commit went unreported: history and edit were committed together.
    let allowed =
      unreported.isEmpty ? [depth] : Self.successors(of: depth)
    if !allowed.contains(storedDepth) {
      problems.append(
        "history depth \(storedDepth); expected one of \(allowed) "
          + "(\(unreported.count) unreported commit)")
    }
    depth = storedDepth
    verifiedThrough = count
    return problems
  }
}

extension CrashChecker {
  /// The depths one apply, undo or redo can lead to.
  static func successors(of depth: HistoryDepth) -> [HistoryDepth] {
    var next = [HistoryDepth(undoCount: depth.undoCount + 1, redoCount: 0)]
    if depth.canUndo {
      next.append(HistoryDepth(undoCount: depth.undoCount - 1, redoCount: depth.redoCount + 1))
    }
    if depth.canRedo {
      next.append(HistoryDepth(undoCount: depth.undoCount + 1, redoCount: depth.redoCount - 1))
    }
    return next
  }
}

/// The arguments JSON of an outbox row.
struct OutboxArguments: Decodable {
  var id: String
  var base_rev: Int
  var rev: Int
  var body: Annotation?

  var revision: Int { rev }
}

struct OutboxRow: CustomStringConvertible {
  var clientSeq: Int64
  var mutationID: String
  var name: String
  var annotationID: String
  var baseRevision: Int
  var arguments: OutboxArguments

  var description: String { "\(clientSeq) \(mutationID) \(name) \(annotationID) r\(arguments.rev)" }
}

struct AnnotationRow {
  var revision: Int
  var isDeleted: Bool
  var body: String
}

/// Everything the checks read, from one read transaction.
struct Snapshot {
  var outbox: [OutboxRow]
  var annotations: [String: AnnotationRow]
  var nextClientSeq: Int64
  var foreignKeyViolations: [String]

  init(_ db: Database) throws {
    outbox = try Row.fetchAll(
      db,
      sql: """
        SELECT client_seq, mutation_id, name, annotation_id, base_rev, args FROM outbox
        ORDER BY client_seq
        """
    ).map { row in
      OutboxRow(
        clientSeq: row["client_seq"], mutationID: row["mutation_id"], name: row["name"],
        annotationID: row["annotation_id"], baseRevision: row["base_rev"],
        arguments: try AnnotationJSON.decode(OutboxArguments.self, from: row["args"]))
    }
    annotations = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, revision, deleted, body FROM annotation") {
      annotations[row["id"]] = AnnotationRow(
        revision: row["revision"], isDeleted: row["deleted"], body: row["body"])
    }
    nextClientSeq = try Int64.fetchOne(db, sql: "SELECT next_client_seq FROM sync_state") ?? -1
    foreignKeyViolations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map {
      $0.description
    }
  }
}

/// FNV-1a 64 in hex, as CrashEditor prints body fingerprints.
func fingerprint(_ text: String) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }
  return String(hash, radix: 16)
}
