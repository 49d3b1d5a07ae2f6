import DICOM
import GRDB

/// The image index: patients, studies, series, files, frames and assembled stacks.
///
/// The importer walks files, calls `instance(atPath:)` to skip unchanged ones, `upsert` for the
/// rest, then assembles the touched series and stores them with `replaceStacks`.
public struct WorkspaceIndex: Sendable {
  let database: DatabasePool

  /// The stored file at `path`, or nil when it was never indexed.
  public func instance(atPath path: String) throws -> StoredInstance? {
    try database.workspaceRead { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT i.*, s.series_uid FROM instance i LEFT JOIN series s ON s.id = i.series_ref
          WHERE i.path = ?
          """, arguments: [path]
      ).map(Self.storedInstance)
    }
  }

  /// All stored files whose SOP Instance UID is `sopInstanceUID` (usually one).
  public func instances(sopInstanceUID: String) throws -> [StoredInstance] {
    try database.workspaceRead { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT i.*, s.series_uid FROM instance i LEFT JOIN series s ON s.id = i.series_ref
          WHERE i.sop_instance_uid = ? ORDER BY i.path
          """, arguments: [sopInstanceUID]
      ).map(Self.storedInstance)
    }
  }

  /// Every indexed file's fingerprint by path, in one query: how a re-import skips unchanged
  /// files without a lookup per file.
  public func fingerprints() throws -> [String: FileFingerprint] {
    try database.workspaceRead { db in
      var result: [String: FileFingerprint] = [:]
      let rows = try Row.fetchCursor(
        db, sql: "SELECT path, size, modified_ns, sha256 FROM instance")
      while let row = try rows.next() {
        let path: String = row["path"]
        result[path] = FileFingerprint(
          path: path, size: row["size"], modificationTimeNanoseconds: row["modified_ns"],
          sha256: row["sha256"])
      }
      return result
    }
  }

  /// The indexed files of a DICOM series, by path: what series assembly re-reads when any file
  /// of the series changed.
  public func instances(seriesInstanceUID: String) throws -> [StoredInstance] {
    try database.workspaceRead { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT i.*, s.series_uid FROM instance i JOIN series s ON s.id = i.series_ref
          WHERE s.series_uid = ? ORDER BY i.path
          """, arguments: [seriesInstanceUID]
      ).map(Self.storedInstance)
    }
  }

  /// How many files are indexed.
  public func instanceCount() throws -> Int {
    try database.workspaceRead { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM instance") ?? 0 }
  }

  /// Adds or refreshes files in one transaction, creating their patient, study and series.
  ///
  /// A path already stored with the same size, time and hash is left untouched, so running
  /// the same import twice changes nothing. A changed file gets fresh frame rows (not in any
  /// stack until the next `replaceStacks`).
  @discardableResult
  public func upsert(instances: [IndexedInstance]) throws -> UpsertSummary {
    try database.workspaceWrite { db in
      var summary = UpsertSummary()
      for instance in instances {
        try IndexWriter.upsert(instance, in: db, summary: &summary)
      }
      return summary
    }
  }

  /// Replaces, in one transaction, the stacks of every series in `stacks` and places their
  /// frames; returns how many frames named a file or frame that is not indexed (skipped).
  ///
  /// Frames are found by `StackFrame.fileReference`, which must be the indexed path.
  @discardableResult
  public func replaceStacks(_ stacks: [AssembledSeries]) throws -> Int {
    try database.workspaceWrite { db in try IndexWriter.replaceStacks(stacks, in: db) }
  }

  /// The frames of the stack `key` in display order.
  public func frames(ofStack key: String) throws -> [StackFrameLocation] {
    try database.workspaceRead { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.position_index, f.frame_number, i.path, i.sop_instance_uid,
            json_extract(i.header_json, '$.burned_in_risk') AS burned_in_risk
          FROM frame f JOIN stack k ON k.id = f.stack_ref JOIN instance i ON i.id = f.instance_ref
          WHERE k.stack_key = ? ORDER BY f.position_index
          """, arguments: [key]
      ).map { row in
        StackFrameLocation(
          positionIndex: row["position_index"], path: row["path"],
          sopInstanceUID: row["sop_instance_uid"], frameNumber: row["frame_number"],
          burnedInRisk: row["burned_in_risk"])
      }
    }
  }

  /// The whole patient / study / series / stack tree with counts and warnings, sorted by
  /// patient ID, study date, series number.
  public func tree() throws -> [PatientNode] {
    try database.workspaceRead { db in try IndexTreeQuery.fetch(db) }
  }

  private static func storedInstance(_ row: Row) -> StoredInstance {
    StoredInstance(
      id: row["id"],
      file: FileFingerprint(
        path: row["path"], size: row["size"], modificationTimeNanoseconds: row["modified_ns"],
        sha256: row["sha256"]),
      sopInstanceUID: row["sop_instance_uid"], sopClassUID: row["sop_class_uid"],
      seriesInstanceUID: row["series_uid"], rows: row["pixel_rows"],
      columns: row["pixel_columns"], numberOfFrames: row["number_of_frames"],
      isImage: row["is_image"])
  }
}
