import DICOM

/// A file's identity on disk: what decides whether a re-import may skip it.
public struct FileFingerprint: Sendable, Hashable {
  public var path: String
  public var size: Int64
  /// Modification time (`st_mtim`) in nanoseconds since 1970-01-01 UTC.
  public var modificationTimeNanoseconds: Int64
  /// SHA-256 of the file's bytes, lower-case hex.
  public var sha256: String

  public init(path: String, size: Int64, modificationTimeNanoseconds: Int64, sha256: String) {
    self.path = path
    self.size = size
    self.modificationTimeNanoseconds = modificationTimeNanoseconds
    self.sha256 = sha256
  }

  /// Whether a file with this size and time needs no re-read (the hash is trusted then).
  public func matches(size: Int64, modificationTimeNanoseconds: Int64) -> Bool {
    self.size == size && self.modificationTimeNanoseconds == modificationTimeNanoseconds
  }
}

/// One file as the importer indexes it: fingerprint, header summary and study details.
public struct IndexedInstance: Sendable {
  public var file: FileFingerprint
  /// From `InstanceSummary(dataSet:fileReference:)`; its `fileReference` should be `file.path`.
  public var summary: InstanceSummary
  /// Study Date (0008,0020) as stored (YYYYMMDD).
  public var studyDate: String?
  /// Study Description (0008,1030).
  public var studyDescription: String?
  /// Any extra header fields the importer wants to keep, as one JSON object (no PHI beyond
  /// what the index already holds).
  public var headerJSON: String?

  public init(
    file: FileFingerprint, summary: InstanceSummary, studyDate: String? = nil,
    studyDescription: String? = nil, headerJSON: String? = nil
  ) {
    self.file = file
    self.summary = summary
    self.studyDate = studyDate
    self.studyDescription = studyDescription
    self.headerJSON = headerJSON
  }
}

/// An indexed file as stored, for skip-if-unchanged and for finding an image's file.
public struct StoredInstance: Sendable, Hashable {
  /// The `instance` row id.
  public var id: Int64
  public var file: FileFingerprint
  public var sopInstanceUID: String?
  public var sopClassUID: String?
  public var seriesInstanceUID: String?
  public var rows: Int?
  public var columns: Int?
  public var numberOfFrames: Int
  public var isImage: Bool
}

/// What `upsert(instances:)` did, for the importer's summary line.
public struct UpsertSummary: Sendable, Hashable {
  /// New paths.
  public var inserted = 0
  /// Known paths whose size, time or hash changed.
  public var updated = 0
  /// Known paths with the same fingerprint: rewritten nowhere.
  public var unchanged = 0

  public init() {}
}
