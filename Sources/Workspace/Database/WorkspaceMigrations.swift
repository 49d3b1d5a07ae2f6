import Annotations
import GRDB

/// The workspace schema, as named migrations applied in order; never edit a shipped one.
///
/// Tables: `patient` > `study` > `series` > `instance` > `frame` (the file index), `stack` (the
/// assembled displayable stacks a frame belongs to), `annotation` (current state, tombstones for
/// deletes), `edit_history` + `history_cursor` (the persisted undo / redo stacks), `outbox` and
/// `sync_state` (mutations waiting for the server; see reference/sync-and-security.md section 2).
public enum WorkspaceMigrations {
  /// The names of all migrations, oldest first.
  public static var names: [String] { migrator.migrations }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-index", migrate: createIndex)
    migrator.registerMigration("v2-annotations", migrate: createAnnotations)
    migrator.registerMigration("v3-sync", migrate: createSync)
    migrator.registerMigration("v4-settings", migrate: createSettings)
    return migrator
  }

  private static func createIndex(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE patient (
          id INTEGER PRIMARY KEY,
          patient_id TEXT NOT NULL UNIQUE,  -- Patient ID (0010,0020); '' when files carry none
          patient_name TEXT
        );
        CREATE TABLE study (
          id INTEGER PRIMARY KEY,
          study_uid TEXT NOT NULL UNIQUE,
          patient_ref INTEGER NOT NULL REFERENCES patient(id) ON DELETE CASCADE,
          study_date TEXT,
          study_description TEXT
        );
        CREATE INDEX study_patient ON study(patient_ref);
        CREATE TABLE series (
          id INTEGER PRIMARY KEY,
          series_uid TEXT NOT NULL UNIQUE,
          study_ref INTEGER NOT NULL REFERENCES study(id) ON DELETE CASCADE,
          modality TEXT,
          series_number INTEGER,
          series_description TEXT
        );
        CREATE INDEX series_study ON series(study_ref);
        CREATE TABLE instance (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          size INTEGER NOT NULL,
          modified_ns INTEGER NOT NULL,     -- st_mtim in nanoseconds since 1970
          sha256 TEXT NOT NULL,             -- lower-case hex
          sop_instance_uid TEXT,
          sop_class_uid TEXT,
          series_ref INTEGER REFERENCES series(id) ON DELETE SET NULL,
          instance_number INTEGER,
          pixel_rows INTEGER,
          pixel_columns INTEGER,
          number_of_frames INTEGER NOT NULL CHECK (number_of_frames >= 1),
          is_image INTEGER NOT NULL CHECK (is_image IN (0, 1)),
          header_json TEXT
        );
        CREATE INDEX instance_sop ON instance(sop_instance_uid);
        CREATE INDEX instance_series ON instance(series_ref);
        CREATE TABLE stack (
          id INTEGER PRIMARY KEY,
          stack_key TEXT NOT NULL UNIQUE,   -- AssembledSeries.id
          series_ref INTEGER REFERENCES series(id) ON DELETE CASCADE,
          label TEXT NOT NULL,
          ordering TEXT NOT NULL,
          pixel_rows INTEGER,
          pixel_columns INTEGER,
          frame_count INTEGER NOT NULL,
          slice_spacing REAL,
          pixel_spacing_json TEXT NOT NULL,
          warnings_json TEXT NOT NULL       -- [{"kind": ..., "message": ...}]
        );
        CREATE INDEX stack_series ON stack(series_ref);
        CREATE TABLE frame (
          instance_ref INTEGER NOT NULL REFERENCES instance(id) ON DELETE CASCADE,
          frame_number INTEGER NOT NULL CHECK (frame_number >= 1),
          stack_ref INTEGER REFERENCES stack(id) ON DELETE SET NULL,
          position_index INTEGER,           -- 1-based place in the stack's display order
          PRIMARY KEY (instance_ref, frame_number)
        ) WITHOUT ROWID;
        CREATE INDEX frame_stack ON frame(stack_ref, position_index);
        """)
  }

  private static func createAnnotations(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE annotation (
          id TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          label TEXT NOT NULL,
          level TEXT NOT NULL,
          study_uid TEXT NOT NULL,
          series_uid TEXT,
          sop_instance_uid TEXT,
          frame INTEGER,
          revision INTEGER NOT NULL CHECK (revision >= 1),
          deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
          body TEXT NOT NULL,               -- AnnotationJSON of the annotation (last content)
          updated_at TEXT NOT NULL
        );
        CREATE INDEX annotation_image ON annotation(sop_instance_uid, frame);
        CREATE INDEX annotation_series ON annotation(series_uid);
        CREATE INDEX annotation_study ON annotation(study_uid);
        CREATE TABLE edit_history (
          seq INTEGER PRIMARY KEY,          -- the order edits were done in
          annotation_id TEXT NOT NULL,
          edit TEXT NOT NULL,               -- AnnotationEdit JSON as applied (stored revisions)
          done_at TEXT NOT NULL
        );
        CREATE TABLE history_cursor (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          done_through INTEGER NOT NULL     -- seq of the newest done edit; above it: redo stack
        );
        INSERT INTO history_cursor (id, done_through) VALUES (1, 0);
        CREATE TABLE outbox (
          client_seq INTEGER PRIMARY KEY,   -- gap-free per client, taken from sync_state
          mutation_id TEXT NOT NULL UNIQUE, -- idempotency key
          name TEXT NOT NULL
            CHECK (name IN ('createAnnotation', 'updateAnnotation', 'deleteAnnotation')),
          annotation_id TEXT NOT NULL,
          base_rev INTEGER NOT NULL,        -- 0 when the annotation is new
          args TEXT NOT NULL,               -- {"id", "base_rev", "rev", "body"?}
          created_at_client TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          last_error TEXT
        );
        CREATE INDEX outbox_annotation ON outbox(annotation_id);
        CREATE TABLE sync_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          client_id TEXT NOT NULL,
          pulled_seq INTEGER NOT NULL DEFAULT 0,
          acked_client_seq INTEGER NOT NULL DEFAULT 0,
          next_client_seq INTEGER NOT NULL DEFAULT 1
        );
        """)
    try db.execute(
      sql: "INSERT INTO sync_state (id, client_id) VALUES (1, ?)",
      arguments: [Annotation.makeID()])
  }

  /// Where the workspace syncs to, the id the server gave this client, and what sync could not
  /// settle: conflicts (kept until the user decides) and rejected mutations.
  private static func createSync(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE sync_state ADD COLUMN server_url TEXT;
        ALTER TABLE sync_state ADD COLUMN project TEXT;
        ALTER TABLE sync_state ADD COLUMN server_client_id TEXT;
        CREATE TABLE sync_conflict (
          annotation_id TEXT PRIMARY KEY,
          mine_name TEXT NOT NULL,          -- the mutation of mine the server refused to apply
          mine_body TEXT NOT NULL,          -- AnnotationJSON of my version
          theirs_body TEXT NOT NULL,        -- the server's version, as the server sent it
          theirs_revision INTEGER NOT NULL,
          theirs_deleted INTEGER NOT NULL CHECK (theirs_deleted IN (0, 1)),
          theirs_author TEXT NOT NULL,
          detected_at TEXT NOT NULL
        );
        CREATE TABLE sync_rejection (
          client_seq INTEGER PRIMARY KEY,
          annotation_id TEXT NOT NULL,
          name TEXT NOT NULL,
          code TEXT NOT NULL,
          body TEXT NOT NULL,
          rejected_at TEXT NOT NULL
        );
        """)
  }

  /// Facts about the workspace as a whole, such as whether its images were de-identified.
  private static func createSettings(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE workspace_setting (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        """)
  }
}
