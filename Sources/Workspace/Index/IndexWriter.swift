import DICOM
import Foundation
import GRDB

/// The statements behind `WorkspaceIndex`'s writes; each runs inside the caller's transaction.
enum IndexWriter {
  static func upsert(_ instance: IndexedInstance, in db: Database, summary: inout UpsertSummary)
    throws
  {
    let file = instance.file
    let facts = instance.summary
    guard !file.path.isEmpty else {
      throw WorkspaceError.invalidInstance(path: file.path, reason: "the path is empty")
    }
    guard (1...InstanceSummary.maximumFrameCount).contains(facts.numberOfFrames) else {
      throw WorkspaceError.invalidInstance(
        path: file.path,
        reason: "Number of Frames \(facts.numberOfFrames) is outside "
          + "1...\(InstanceSummary.maximumFrameCount)")
    }
    let existing = try db.cachedRow(
      sql: "SELECT id, size, modified_ns, sha256, number_of_frames FROM instance WHERE path = ?",
      arguments: [file.path])
    if let existing, existing["size"] == file.size,
      existing["modified_ns"] == file.modificationTimeNanoseconds,
      existing["sha256"] == file.sha256
    {
      summary.unchanged += 1
      return
    }
    let seriesRef = try seriesID(for: instance, in: db)
    let arguments: StatementArguments = [
      file.path, file.size, file.modificationTimeNanoseconds, file.sha256,
      facts.sopInstanceUID, facts.sopClassUID, seriesRef, facts.instanceNumber, facts.rows,
      facts.columns, facts.numberOfFrames, facts.isImage, instance.headerJSON,
    ]
    let instanceID: Int64
    if let existing {
      instanceID = existing["id"]
      try db.executeCached(
        sql: """
          UPDATE instance SET path = ?, size = ?, modified_ns = ?, sha256 = ?,
            sop_instance_uid = ?, sop_class_uid = ?, series_ref = ?, instance_number = ?,
            pixel_rows = ?, pixel_columns = ?, number_of_frames = ?, is_image = ?, header_json = ?
          WHERE id = ?
          """, arguments: arguments + [instanceID])
      summary.updated += 1
    } else {
      try db.executeCached(
        sql: """
          INSERT INTO instance (path, size, modified_ns, sha256, sop_instance_uid, sop_class_uid,
            series_ref, instance_number, pixel_rows, pixel_columns, number_of_frames, is_image,
            header_json)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """, arguments: arguments)
      instanceID = db.lastInsertedRowID
      summary.inserted += 1
    }
    // The content changed: its frames belong to no stack until the series is assembled again.
    try db.executeCached(
      sql: "DELETE FROM frame WHERE instance_ref = ?", arguments: [instanceID])
    let insertFrame = try db.cachedStatement(
      sql: "INSERT INTO frame (instance_ref, frame_number) VALUES (?, ?)")
    for frameNumber in 1...facts.numberOfFrames {
      try insertFrame.execute(arguments: [instanceID, frameNumber])
    }
  }

  /// The series row for the instance, creating patient, study and series as needed; nil when
  /// the file names no study or series.
  private static func seriesID(for instance: IndexedInstance, in db: Database) throws -> Int64? {
    let facts = instance.summary
    guard let studyUID = nonEmpty(facts.studyInstanceUID),
      let seriesUID = nonEmpty(facts.seriesInstanceUID)
    else { return nil }
    let patientID = try db.cachedInt64(
      sql: """
        INSERT INTO patient (patient_id, patient_name) VALUES (?, ?)
        ON CONFLICT (patient_id) DO UPDATE
          SET patient_name = coalesce(excluded.patient_name, patient_name)
        RETURNING id
        """, arguments: [facts.patientID ?? "", nonEmpty(facts.patientName)])
    let studyID = try db.cachedInt64(
      sql: """
        INSERT INTO study (study_uid, patient_ref, study_date, study_description)
        VALUES (?, ?, ?, ?)
        ON CONFLICT (study_uid) DO UPDATE
          SET study_date = coalesce(excluded.study_date, study_date),
              study_description = coalesce(excluded.study_description, study_description)
        RETURNING id
        """,
      arguments: [
        studyUID, patientID, nonEmpty(instance.studyDate), nonEmpty(instance.studyDescription),
      ])
    return try db.cachedInt64(
      sql: """
        INSERT INTO series (series_uid, study_ref, modality, series_number, series_description)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (series_uid) DO UPDATE
          SET modality = coalesce(excluded.modality, modality),
              series_number = coalesce(excluded.series_number, series_number),
              series_description = coalesce(excluded.series_description, series_description)
        RETURNING id
        """,
      arguments: [
        seriesUID, studyID, nonEmpty(facts.modality), facts.seriesNumber,
        nonEmpty(facts.seriesDescription),
      ])
  }

  static func replaceStacks(_ stacks: [AssembledSeries], in db: Database) throws -> Int {
    var seriesRefs: [String: Int64] = [:]
    for uid in Set(stacks.compactMap(\.seriesInstanceUID)) {
      seriesRefs[uid] = try db.cachedInt64(
        sql: "SELECT id FROM series WHERE series_uid = ?", arguments: [uid])
    }
    // Frames of a replaced stack belong to no stack until placed again below.
    let unplace = try db.cachedStatement(
      sql: """
        UPDATE frame SET stack_ref = NULL, position_index = NULL
        WHERE stack_ref IN (SELECT id FROM stack WHERE series_ref = ? OR stack_key = ?)
        """)
    let delete = try db.cachedStatement(
      sql: "DELETE FROM stack WHERE series_ref = ? OR stack_key = ?")
    for stack in stacks {
      let arguments: StatementArguments = [
        stack.seriesInstanceUID.flatMap { seriesRefs[$0] }, stack.id,
      ]
      try unplace.execute(arguments: arguments)
      try delete.execute(arguments: arguments)
    }

    let placeFrame = try db.cachedStatement(
      sql: """
        UPDATE frame SET stack_ref = ?, position_index = ?
        WHERE frame_number = ? AND instance_ref = (SELECT id FROM instance WHERE path = ?)
        """)
    var unmatched = 0
    for stack in stacks {
      let warnings = try StoredWarning.encode(stack.warnings.map(StoredWarning.init))
      let spacing = String(
        decoding: try JSONEncoder().encode(stack.pixelSpacing), as: UTF8.self)
      try db.executeCached(
        sql: """
          INSERT INTO stack (stack_key, series_ref, label, ordering, pixel_rows, pixel_columns,
            frame_count, slice_spacing, pixel_spacing_json, warnings_json)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          stack.id, stack.seriesInstanceUID.flatMap { seriesRefs[$0] }, stack.label,
          stack.ordering.rawValue, stack.rows, stack.columns, stack.frames.count,
          stack.sliceSpacing, spacing, warnings,
        ])
      let stackID = db.lastInsertedRowID
      for (index, frame) in stack.frames.enumerated() {
        try placeFrame.execute(
          arguments: [stackID, index + 1, frame.frameNumber, frame.fileReference])
        if db.changesCount == 0 { unmatched += 1 }
      }
    }
    return unmatched
  }

  private static func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }
}

extension Database {
  /// Statements the importer runs once per file are compiled once per connection (GRDB's
  /// statement cache): compiling and authorizing each time cost more than running them.
  func executeCached(sql: String, arguments: StatementArguments = []) throws {
    try cachedStatement(sql: sql).execute(arguments: arguments)
  }

  func cachedRow(sql: String, arguments: StatementArguments = []) throws -> Row? {
    try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
  }

  func cachedInt64(sql: String, arguments: StatementArguments = []) throws -> Int64? {
    try Int64.fetchOne(cachedStatement(sql: sql), arguments: arguments)
  }
}
