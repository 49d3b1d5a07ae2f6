/// One change to the annotation set, carrying enough to be reversed exactly.
///
/// Moving a vertex, relabelling or changing an attribute are all `update`s with the whole
/// annotation before and after, so every edit is one outbox mutation and undo is exact.
public enum AnnotationEdit: Sendable, Hashable {
  case add(Annotation)
  case update(before: Annotation, after: Annotation)
  case delete(Annotation)

  /// The edit that undoes this one.
  public var inverse: AnnotationEdit {
    switch self {
    case .add(let annotation): return .delete(annotation)
    case .update(let before, let after): return .update(before: after, after: before)
    case .delete(let annotation): return .add(annotation)
    }
  }

  /// The id of the annotation the edit changes (for an update, the id after it).
  public var annotationID: String {
    switch self {
    case .add(let annotation), .delete(let annotation): return annotation.id
    case .update(_, let after): return after.id
    }
  }
}

extension AnnotationEdit: Codable {
  private enum Operation: String, Codable {
    case add
    case update
    case delete
  }

  private enum CodingKeys: String, CodingKey {
    case operation = "op"
    case annotation
    case before
    case after
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(Operation.self, forKey: .operation) {
    case .add: self = .add(try container.decode(Annotation.self, forKey: .annotation))
    case .delete: self = .delete(try container.decode(Annotation.self, forKey: .annotation))
    case .update:
      self = .update(
        before: try container.decode(Annotation.self, forKey: .before),
        after: try container.decode(Annotation.self, forKey: .after))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .add(let annotation):
      try container.encode(Operation.add, forKey: .operation)
      try container.encode(annotation, forKey: .annotation)
    case .delete(let annotation):
      try container.encode(Operation.delete, forKey: .operation)
      try container.encode(annotation, forKey: .annotation)
    case .update(let before, let after):
      try container.encode(Operation.update, forKey: .operation)
      try container.encode(before, forKey: .before)
      try container.encode(after, forKey: .after)
    }
  }
}

/// Why an edit does not apply to the current set; the set is left unchanged.
public enum AnnotationEditError: Error, Sendable, Hashable, CustomStringConvertible {
  case alreadyExists(id: String)
  case notFound(id: String)
  /// The annotation changed since the edit was made (the stored one differs from `before`).
  case stale(id: String)
  case idChanged(before: String, after: String)

  public var description: String {
    switch self {
    case .alreadyExists(let id): return "annotation \(id) already exists"
    case .notFound(let id): return "annotation \(id) does not exist"
    case .stale(let id):
      return "annotation \(id) changed since this edit was made; reload before editing"
    case .idChanged(let before, let after):
      return "an update may not change the id (\(before) -> \(after))"
    }
  }
}
