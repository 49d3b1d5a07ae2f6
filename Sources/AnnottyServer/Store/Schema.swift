import Foundation
import GRDB

/// The server schema, changed only through named migrations.
enum ServerSchema {
  static func migrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(
        sql: """
          CREATE TABLE server_key(
            id INTEGER PRIMARY KEY CHECK (id = 1),
            uid_hmac_key BLOB NOT NULL);
          CREATE TABLE user(
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('annotator', 'reviewer', 'admin')),
            created_at TEXT NOT NULL);
          CREATE TABLE token(
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL REFERENCES user(name),
            digest BLOB NOT NULL UNIQUE,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            last_used_at REAL NOT NULL,
            revoked_at REAL);
          CREATE TABLE client(
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL REFERENCES user(name),
            device_name TEXT NOT NULL,
            last_client_seq INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL);
          CREATE TABLE project(
            name TEXT PRIMARY KEY,
            created_at TEXT NOT NULL);
          CREATE TABLE assignment(
            project TEXT NOT NULL REFERENCES project(name),
            user_name TEXT NOT NULL REFERENCES user(name),
            study_uid TEXT NOT NULL,
            series_uid TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (project, user_name, study_uid, series_uid));
          CREATE TABLE annotation(
            project TEXT NOT NULL REFERENCES project(name),
            id TEXT NOT NULL,
            revision INTEGER NOT NULL CHECK (revision >= 1),
            deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
            study_uid TEXT NOT NULL, series_uid TEXT, sop_uid TEXT, frame INTEGER,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            server_time TEXT NOT NULL,
            PRIMARY KEY (project, id));
          CREATE TABLE change_log(
            project TEXT NOT NULL REFERENCES project(name),
            seq INTEGER NOT NULL CHECK (seq >= 1),
            annotation_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            study_uid TEXT NOT NULL, series_uid TEXT, sop_uid TEXT, frame INTEGER,
            body TEXT NOT NULL,
            author TEXT NOT NULL,
            server_time TEXT NOT NULL,
            PRIMARY KEY (project, seq));
          CREATE TABLE applied_mutation(
            client_id TEXT NOT NULL REFERENCES client(id),
            client_seq INTEGER NOT NULL,
            mutation_id TEXT NOT NULL UNIQUE,
            project TEXT NOT NULL,
            args_hash TEXT NOT NULL,
            result TEXT NOT NULL,
            PRIMARY KEY (client_id, client_seq));
          CREATE TABLE audit_event(
            seq INTEGER PRIMARY KEY,
            server_time TEXT NOT NULL,
            actor TEXT, role TEXT, token_id TEXT, client_id TEXT,
            source TEXT NOT NULL,
            action TEXT NOT NULL,
            outcome TEXT NOT NULL,
            code TEXT, project TEXT, object_id TEXT, object_revision INTEGER, study_hash TEXT,
            mutation_id TEXT, client_seq INTEGER, before_hash TEXT, after_hash TEXT,
            prev_hash TEXT NOT NULL,
            entry_hash TEXT NOT NULL);
          CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
          CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
            BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
          """)
      let key = Data(RandomID.bytes(32))
      try db.execute(
        sql: "INSERT INTO server_key(id, uid_hmac_key) VALUES (1, ?)", arguments: [key])
    }
    return migrator
  }
}
