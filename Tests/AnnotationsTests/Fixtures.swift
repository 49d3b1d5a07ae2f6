import Annotations
import TestSupport

enum Sample {
  static let created = Timestamp(year: 2026, month: 3, day: 1, hour: 9, minute: 30)!
  static let image = ImageReference(
    studyInstanceUID: "1.2.826.0.1.3680043.2.1125.1",
    seriesInstanceUID: "1.2.826.0.1.3680043.2.1125.1.2",
    sopInstanceUID: "1.2.826.0.1.3680043.2.1125.1.2.3", frame: 1)

  static func box(
    id: String = "1b4e28ba-2fa1-41d2-883f-0016d3cca427", x: Double = 100.5, y: Double = 80,
    width: Double = 30, height: Double = 20
  ) -> Annotation {
    Annotation(
      id: id, label: "hemorrhage",
      shape: .box(BoundingBox(x: x, y: y, width: width, height: height)), target: .image(image),
      attributes: ["subtype": .text("subdural"), "volume_ml": .number(12.25)],
      author: "reader1", createdAt: created)
  }

  static func polygon(id: String = "6f1c2a3b-4d5e-4f60-8172-8394a5b6c7d8") -> Annotation {
    Annotation(
      id: id, label: "ischemia",
      shape: .polygon([
        ImagePoint(x: 10, y: 10), ImagePoint(x: 40.25, y: 12), ImagePoint(x: 25, y: 33.5),
      ]),
      target: .image(image), attributes: ["hemorrhagic_transformation": .boolean(false)],
      author: "reader1", createdAt: created)
  }

  static func answer(id: String = "0a1b2c3d-0000-4000-8000-000000000001") -> Annotation {
    Annotation(
      id: id, label: "study_quality", shape: .classification(answers: ["limited"]),
      target: .study(studyInstanceUID: image.studyInstanceUID), author: "reader2",
      createdAt: created, status: .submitted)
  }

  /// A random valid-looking annotation; `id` is fixed by the caller.
  static func random(id: String, using generator: inout SeededGenerator) -> Annotation {
    let x = Double(Int.random(in: 0...400, using: &generator)) / 4
    switch Int.random(in: 0..<3, using: &generator) {
    case 0:
      return box(id: id, x: x, width: Double(Int.random(in: 0...64, using: &generator)))
    case 1:
      var annotation = polygon(id: id)
      annotation.shape = .polygon(
        (0..<Int.random(in: 3...8, using: &generator)).map { _ in
          ImagePoint(
            x: Double.random(in: 0..<512, using: &generator).rounded(),
            y: Double.random(in: 0..<512, using: &generator))
        })
      return annotation
    default:
      var annotation = answer(id: id)
      annotation.shape = .classification(
        answers: [["diagnostic", "limited", "non-diagnostic"].randomElement(using: &generator)!])
      return annotation
    }
  }
}
