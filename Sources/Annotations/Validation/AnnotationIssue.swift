/// One way an annotation does not fit the schema or its image.
public enum AnnotationIssue: Sendable, Hashable, CustomStringConvertible {
  case invalidID(String)
  case emptyUID(field: String)
  case invalidFrame(Int)
  case invalidRevision(Int)
  case updatedBeforeCreated(created: Timestamp, updated: Timestamp)
  case unknownLabel(String)
  case kindNotAllowed(label: String, kind: AnnotationKind, allowed: [AnnotationKind])
  case regionNeedsImageTarget(kind: AnnotationKind, level: AnnotationLevel)
  case nonFiniteCoordinate
  case negativeSize(width: Double, height: Double)
  case tooFewPoints(Int)
  case zeroAreaPolygon
  case outsideImage(ImageSize)
  case wrongLevel(question: String, expected: AnnotationLevel, actual: AnnotationLevel)
  case noAnswer(question: String)
  case tooManyAnswers(question: String, count: Int)
  case unknownAnswer(question: String, answer: String)
  case duplicateAnswer(question: String, answer: String)
  case answersOnLabel(label: String)
  case unknownAttribute(String)
  case attributeWrongType(name: String, expected: String, found: String)
  case attributeNotAChoice(name: String, value: String, choices: [String])
  case attributeOutOfRange(name: String, value: Double, minimum: Double?, maximum: Double?)
  case missingRequiredAttribute(String)

  public var description: String {
    switch self {
    case .invalidID(let id):
      return "id \"\(id)\" is not a UUID (8-4-4-4-12 hex digits)"
    case .emptyUID(let field):
      return "\(field) is empty"
    case .invalidFrame(let frame):
      return "frame \(frame) is not a frame number (they start at 1)"
    case .invalidRevision(let revision):
      return "revision \(revision) is negative"
    case .updatedBeforeCreated(let created, let updated):
      return "updated at \(updated) is before created at \(created)"
    case .unknownLabel(let label):
      return "label \"\(label)\" is neither a label nor a question id in the schema"
    case .kindNotAllowed(let label, let kind, let allowed):
      return "label \"\(label)\" does not allow \(kind.rawValue) (allowed: "
        + allowed.map(\.rawValue).joined(separator: ", ") + ")"
    case .regionNeedsImageTarget(let kind, let level):
      return "a \(kind.rawValue) must target an image frame, not a \(level.rawValue)"
    case .nonFiniteCoordinate:
      return "a coordinate is not a finite number"
    case .negativeSize(let width, let height):
      return "box size \(width) x \(height) is negative"
    case .tooFewPoints(let count):
      return "a polygon needs at least 3 points, this one has \(count)"
    case .zeroAreaPolygon:
      return "the polygon encloses no area (its points are on one line)"
    case .outsideImage(let size):
      return "geometry reaches outside the \(size.columns) x \(size.rows) image"
    case .wrongLevel(let question, let expected, let actual):
      return "question \"\(question)\" is asked per \(expected.rawValue), "
        + "this answer targets a \(actual.rawValue)"
    case .noAnswer(let question):
      return "no answer to question \"\(question)\""
    case .tooManyAnswers(let question, let count):
      return "question \"\(question)\" takes one answer, got \(count)"
    case .unknownAnswer(let question, let answer):
      return "\"\(answer)\" is not a choice of question \"\(question)\""
    case .duplicateAnswer(let question, let answer):
      return "answer \"\(answer)\" to question \"\(question)\" is given twice"
    case .answersOnLabel(let label):
      return "label \"\(label)\" is not a question; its classification takes no answers"
    case .unknownAttribute(let name):
      return "unknown attribute \"\(name)\""
    case .attributeWrongType(let name, let expected, let found):
      return "attribute \"\(name)\" must be \(expected), not \(found)"
    case .attributeNotAChoice(let name, let value, let choices):
      return "attribute \"\(name)\": \"\(value)\" is not one of "
        + choices.joined(separator: ", ")
    case .attributeOutOfRange(let name, let value, let minimum, let maximum):
      let range = "\(minimum.map { "\($0)" } ?? "-inf")...\(maximum.map { "\($0)" } ?? "inf")"
      return "attribute \"\(name)\": \(value) is outside \(range)"
    case .missingRequiredAttribute(let name):
      return "required attribute \"\(name)\" is missing"
    }
  }
}
