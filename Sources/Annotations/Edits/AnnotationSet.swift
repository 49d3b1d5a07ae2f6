/// The annotations in memory, by id; edits apply only when they match what is there.
public struct AnnotationSet: Sendable, Hashable {
  private var byID: [String: Annotation]

  public init(_ annotations: [Annotation] = []) {
    byID = Dictionary(annotations.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
  }

  public subscript(id: String) -> Annotation? { byID[id] }

  public var count: Int { byID.count }
  public var isEmpty: Bool { byID.isEmpty }

  /// All annotations, ordered by id so the order is the same on every run.
  public var annotations: [Annotation] {
    byID.values.sorted { $0.id < $1.id }
  }

  /// Applies `edit`, or throws and changes nothing when the set does not hold what it expects.
  public mutating func apply(_ edit: AnnotationEdit) throws(AnnotationEditError) {
    switch edit {
    case .add(let annotation):
      guard byID[annotation.id] == nil else { throw .alreadyExists(id: annotation.id) }
      byID[annotation.id] = annotation
    case .update(let before, let after):
      guard before.id == after.id else { throw .idChanged(before: before.id, after: after.id) }
      guard let current = byID[before.id] else { throw .notFound(id: before.id) }
      guard current == before else { throw .stale(id: before.id) }
      byID[after.id] = after
    case .delete(let annotation):
      guard let current = byID[annotation.id] else { throw .notFound(id: annotation.id) }
      guard current == annotation else { throw .stale(id: annotation.id) }
      byID[annotation.id] = nil
    }
  }

  /// The set after `edit`, or an error and no change.
  public func applying(_ edit: AnnotationEdit) throws(AnnotationEditError) -> AnnotationSet {
    var copy = self
    try copy.apply(edit)
    return copy
  }
}
