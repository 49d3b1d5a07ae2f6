import Annotations
import TestSupport

/// FNV-1a 64 of a text's UTF-8 bytes, in hex: a short fingerprint of an annotation body.
func fnv1a(_ text: String) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }
  return String(hash, radix: 16)
}

enum EditOperation: String {
  case add
  case update
  case delete
  case undo
  case redo
}

/// Seeded random annotation edits on a few synthetic images.
struct RandomEdits {
  private var generator: SeededGenerator
  private let labels = ["hemorrhage", "nodule", "fracture", "normal"]

  init(seed: UInt64) {
    generator = SeededGenerator(seed: seed)
  }

  mutating func nextOperation(hasLive: Bool) -> EditOperation {
    let roll = Int.random(in: 0..<100, using: &generator)
    guard hasLive else { return roll < 80 ? .add : .redo }
    switch roll {
    case 0..<30: return .add
    case 30..<60: return .update
    case 60..<72: return .delete
    case 72..<88: return .undo
    default: return .redo
    }
  }

  mutating func pick(from live: [String: Annotation]) -> Annotation {
    let ids = live.keys.sorted()
    return live[ids[Int.random(in: 0..<ids.count, using: &generator)]]!
  }

  mutating func newAnnotation(now: Timestamp) -> Annotation {
    let slice = Int.random(in: 1...8, using: &generator)
    let target = AnnotationTarget.image(
      ImageReference(
        studyInstanceUID: "2.25.1", seriesInstanceUID: "2.25.1.2",
        sopInstanceUID: "2.25.1.2.\(slice)", frame: Int.random(in: 1...2, using: &generator)))
    return Annotation(
      id: Annotation.makeID(using: &generator), label: labels.randomElement(using: &generator)!,
      shape: randomShape(), target: target, author: "crash-editor", createdAt: now)
  }

  mutating func changed(_ annotation: Annotation, now: Timestamp) -> Annotation {
    var after = annotation
    if Bool.random(using: &generator) {
      after.label = labels.randomElement(using: &generator)!
    }
    after.shape = randomShape()
    after.attributes["confidence"] = .number(Double(Int.random(in: 0...100, using: &generator)))
    after.updatedAt = now
    return after
  }

  private mutating func randomShape() -> AnnotationShape {
    if Bool.random(using: &generator) {
      return .box(
        BoundingBox(
          x: coordinate(), y: coordinate(), width: coordinate() + 1, height: coordinate() + 1))
    }
    let count = Int.random(in: 3...12, using: &generator)
    return .polygon((0..<count).map { _ in ImagePoint(x: coordinate(), y: coordinate()) })
  }

  private mutating func coordinate() -> Double {
    // Quarter pixels: exact in binary, so JSON round trips compare equal.
    Double(Int.random(in: 0..<2048, using: &generator)) / 4
  }
}
