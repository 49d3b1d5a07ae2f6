import Foundation

/// The hash chain over audit rows: each `entry_hash` covers the previous hash and the row's
/// fields, so editing, deleting or reordering a row breaks every hash after it.
public enum AuditChain {
  /// The `prev_hash` of the first row.
  public static let genesis = String(repeating: "0", count: 64)

  /// `entry_hash` of `event` (its own `entry_hash` is ignored).
  public static func entryHash(of event: AuditEvent) -> String {
    // Length-prefixed fields: unambiguous whatever characters the values hold; nil differs from "".
    let fields: [String?] = [
      String(event.seq), event.serverTime, event.actor, event.role, event.tokenID, event.clientID,
      event.source, event.action, event.outcome, event.code, event.project, event.objectID,
      event.objectRevision.map(String.init), event.studyHash, event.mutationID,
      event.clientSeq.map(String.init), event.beforeHash, event.afterHash,
    ]
    return CanonicalHash.of(fields, after: event.prevHash + "\n")
  }

  /// The result of walking the chain from its first row.
  public enum Verification: Sendable, Equatable {
    case intact(rows: Int)
    case broken(seq: Int64, reason: String)
  }

  /// Walks `events` in order; the first row whose link or hash does not match is reported.
  public static func verify(_ events: some Sequence<AuditEvent>) -> Verification {
    var previous = genesis
    var count = 0
    for event in events {
      if event.prevHash != previous {
        return .broken(seq: event.seq, reason: "prev_hash does not match the previous row")
      }
      if entryHash(of: event) != event.entryHash {
        return .broken(seq: event.seq, reason: "entry_hash does not match the row's fields")
      }
      previous = event.entryHash
      count += 1
    }
    return .intact(rows: count)
  }
}
