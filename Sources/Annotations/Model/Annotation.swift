/// Where an annotation is in its review life; review states come later.
public enum AnnotationStatus: String, Sendable, Hashable, Codable, CaseIterable {
  case draft
  case submitted
}

/// One box, polygon or classification made by an annotator (or imported as a pre-label).
///
/// The JSON form (see `AnnotationJSON`) is what JSONL export, import and sync carry:
/// ```json
/// {"attributes":{"subtype":"subdural"},"author":"reader1",
///  "box":{"height":20,"width":30,"x":100.5,"y":80},"created_at":"2026-03-01T09:30:00.000Z",
///  "id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","kind":"box","label":"hemorrhage",
///  "revision":1,"status":"draft","target":{"frame":1,"level":"image",
///  "series_uid":"1.2.3.4","sop_instance_uid":"1.2.3.4.5","study_uid":"1.2.3"},
///  "updated_at":"2026-03-01T09:30:00.000Z"}
/// ```
/// Exactly one of `box`, `points` (`[[x, y], ...]`) or `answers` is present, matching `kind`.
public struct Annotation: Sendable, Hashable, Identifiable {
  /// A UUID string, compared exactly.
  public var id: String
  /// A label name from the schema, or for answers to a question, the question id.
  public var label: String
  public var shape: AnnotationShape
  public var target: AnnotationTarget
  public var attributes: [String: AttributeValue]
  public var author: String
  public var createdAt: Timestamp
  public var updatedAt: Timestamp
  /// Increases with every saved change; sync uses it as the base revision.
  public var revision: Int
  public var status: AnnotationStatus

  public init(
    id: String, label: String, shape: AnnotationShape, target: AnnotationTarget,
    attributes: [String: AttributeValue] = [:], author: String, createdAt: Timestamp,
    updatedAt: Timestamp? = nil, revision: Int = 1, status: AnnotationStatus = .draft
  ) {
    self.id = id
    self.label = label
    self.shape = shape
    self.target = target
    self.attributes = attributes
    self.author = author
    self.createdAt = createdAt
    self.updatedAt = updatedAt ?? createdAt
    self.revision = revision
    self.status = status
  }

  public var kind: AnnotationKind { shape.kind }
}

extension Annotation: Codable {
  private enum CodingKeys: String, CodingKey {
    case id
    case label
    case kind
    case box
    case points
    case answers
    case target
    case attributes
    case author
    case createdAt = "created_at"
    case updatedAt = "updated_at"
    case revision
    case status
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    label = try container.decode(String.self, forKey: .label)
    switch try container.decode(AnnotationKind.self, forKey: .kind) {
    case .box: shape = .box(try container.decode(BoundingBox.self, forKey: .box))
    case .polygon: shape = .polygon(try container.decode([ImagePoint].self, forKey: .points))
    case .classification:
      shape = .classification(
        answers: try container.decodeIfPresent([String].self, forKey: .answers) ?? [])
    }
    target = try container.decode(AnnotationTarget.self, forKey: .target)
    attributes =
      try container.decodeIfPresent([String: AttributeValue].self, forKey: .attributes) ?? [:]
    author = try container.decode(String.self, forKey: .author)
    createdAt = try container.decode(Timestamp.self, forKey: .createdAt)
    updatedAt = try container.decodeIfPresent(Timestamp.self, forKey: .updatedAt) ?? createdAt
    revision = try container.decodeIfPresent(Int.self, forKey: .revision) ?? 1
    status = try container.decodeIfPresent(AnnotationStatus.self, forKey: .status) ?? .draft
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(label, forKey: .label)
    try container.encode(kind, forKey: .kind)
    switch shape {
    case .box(let box): try container.encode(box, forKey: .box)
    case .polygon(let points): try container.encode(points, forKey: .points)
    case .classification(let answers): try container.encode(answers, forKey: .answers)
    }
    try container.encode(target, forKey: .target)
    try container.encode(attributes, forKey: .attributes)
    try container.encode(author, forKey: .author)
    try container.encode(createdAt, forKey: .createdAt)
    try container.encode(updatedAt, forKey: .updatedAt)
    try container.encode(revision, forKey: .revision)
    try container.encode(status, forKey: .status)
  }
}
