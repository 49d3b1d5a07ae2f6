import Annotations
import GRDB

/// The persisted undo / redo stacks: `edit_history` rows in the order edits were done, and a
/// cursor at the newest done one; rows above the cursor are the redo stack.
enum EditHistoryRows {
  static func cursor(_ db: Database) throws -> Int64 {
    guard
      let cursor = try Int64.fetchOne(
        db, sql: "SELECT done_through FROM history_cursor WHERE id = 1")
    else {
      throw WorkspaceError.corruptRow(
        table: "history_cursor", key: "1", reason: "the row is missing")
    }
    return cursor
  }

  static func setCursor(_ seq: Int64, in db: Database) throws {
    try db.execute(
      sql: "UPDATE history_cursor SET done_through = ? WHERE id = 1", arguments: [seq])
  }

  static func append(_ edit: AnnotationEdit, doneAt: Timestamp, in db: Database) throws -> Int64 {
    try db.execute(
      sql: "INSERT INTO edit_history (annotation_id, edit, done_at) VALUES (?, ?, ?)",
      arguments: [edit.annotationID, try AnnotationJSON.line(edit), doneAt.description])
    return db.lastInsertedRowID
  }

  static func edit(seq: Int64, in db: Database) throws -> AnnotationEdit? {
    guard
      let text = try String.fetchOne(
        db, sql: "SELECT edit FROM edit_history WHERE seq = ?", arguments: [seq])
    else { return nil }
    return try decode(text, seq: seq)
  }

  /// The newest seq below `seq`, or 0.
  static func seq(before seq: Int64, in db: Database) throws -> Int64 {
    try Int64.fetchOne(
      db, sql: "SELECT max(seq) FROM edit_history WHERE seq < ?", arguments: [seq]) ?? 0
  }

  /// The oldest seq above `seq`, or nil.
  static func seq(after seq: Int64, in db: Database) throws -> Int64? {
    try Int64.fetchOne(
      db, sql: "SELECT min(seq) FROM edit_history WHERE seq > ?", arguments: [seq])
  }

  static func all(in db: Database) throws -> [(Int64, AnnotationEdit)] {
    try Row.fetchAll(db, sql: "SELECT seq, edit FROM edit_history ORDER BY seq").map { row in
      let seq: Int64 = row["seq"]
      return (seq, try decode(row["edit"], seq: seq))
    }
  }

  private static func decode(_ text: String, seq: Int64) throws -> AnnotationEdit {
    do {
      return try AnnotationJSON.decode(AnnotationEdit.self, from: text)
    } catch {
      throw WorkspaceError.corruptRow(table: "edit_history", key: "\(seq)", reason: "\(error)")
    }
  }
}
