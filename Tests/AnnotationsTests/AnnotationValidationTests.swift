import Annotations
import Testing

private let schema = LabelSchema.default
private let size = ImageSize(columns: 512, rows: 512)

@Test func samplesAreValid() {
  #expect(schema.validate(Sample.box(), imageSize: size) == [])
  #expect(schema.validate(Sample.polygon(), imageSize: size) == [])
  #expect(schema.validate(Sample.answer()) == [])
  var tag = Sample.answer()
  tag.label = "hemorrhage"
  tag.shape = .classification(answers: [])
  tag.attributes = ["subtype": .text("epidural")]
  tag.target = .series(studyInstanceUID: "1.2", seriesInstanceUID: "1.2.3")
  #expect(schema.validate(tag) == [])
  var multiple = Sample.answer()
  multiple.label = "findings"
  multiple.shape = .classification(answers: ["hemorrhage", "fracture"])
  #expect(schema.validate(multiple) == [])
}

@Test func labelKindAndTargetProblems() {
  var annotation = Sample.box()
  annotation.label = "tumour"
  #expect(schema.validate(annotation) == [.unknownLabel("tumour")])

  annotation = Sample.box()
  annotation.label = "edema"
  annotation.attributes = [:]
  #expect(
    schema.validate(annotation) == [
      .kindNotAllowed(label: "edema", kind: .box, allowed: [.polygon])
    ])

  annotation = Sample.box()
  annotation.target = .study(studyInstanceUID: "1.2")
  #expect(schema.validate(annotation) == [.regionNeedsImageTarget(kind: .box, level: .study)])

  annotation = Sample.box()
  annotation.id = "not-a-uuid"
  annotation.target = .image(
    ImageReference(studyInstanceUID: "", seriesInstanceUID: "1", sopInstanceUID: "", frame: 0))
  annotation.revision = -1
  annotation.updatedAt = Timestamp(millisecondsSinceEpoch: 0)
  #expect(
    schema.validate(annotation) == [
      .invalidID("not-a-uuid"), .invalidRevision(-1),
      .updatedBeforeCreated(created: Sample.created, updated: Timestamp(millisecondsSinceEpoch: 0)),
      .emptyUID(field: "study UID"), .emptyUID(field: "SOP Instance UID"), .invalidFrame(0),
    ])
}

@Test func geometryProblems() {
  func issues(_ shape: AnnotationShape, _ imageSize: ImageSize? = size) -> [AnnotationIssue] {
    var annotation = Sample.box()
    annotation.shape = shape
    return schema.validate(annotation, imageSize: imageSize)
  }
  #expect(
    issues(.box(BoundingBox(x: 1, y: 1, width: -2, height: 3))) == [
      .negativeSize(width: -2, height: 3)
    ])
  #expect(issues(.box(BoundingBox(x: .nan, y: 1, width: 2, height: 3))) == [.nonFiniteCoordinate])
  #expect(issues(.box(BoundingBox(x: 500, y: 1, width: 20, height: 3))) == [.outsideImage(size)])
  #expect(issues(.box(BoundingBox(x: -0.5, y: 1, width: 2, height: 3))) == [.outsideImage(size)])
  #expect(issues(.box(BoundingBox(x: 500, y: 1, width: 20, height: 3)), nil) == [])
  #expect(issues(.box(BoundingBox(x: 0, y: 0, width: 512, height: 512))) == [])
  #expect(issues(.box(BoundingBox(x: 3, y: 3, width: 0, height: 0))) == [])
  #expect(issues(.polygon([ImagePoint(x: 1, y: 1), ImagePoint(x: 2, y: 2)])) == [.tooFewPoints(2)])
  #expect(
    issues(.polygon([ImagePoint(x: 1, y: 1), ImagePoint(x: 2, y: 2), ImagePoint(x: 3, y: 3)]))
      == [.zeroAreaPolygon])
  #expect(
    issues(.polygon([ImagePoint(x: 1, y: 1), ImagePoint(x: 600, y: 2), ImagePoint(x: 3, y: 9)]))
      == [.outsideImage(size)])
  #expect(
    issues(
      .polygon([ImagePoint(x: 1, y: 1), ImagePoint(x: .infinity, y: 2), ImagePoint(x: 3, y: 9)]))
      == [.nonFiniteCoordinate])
}

@Test func attributeValueProblems() {
  var annotation = Sample.box()
  annotation.attributes = [
    "volume_ml": .number(900), "acuity": .text("ancient"), "colour": .text("red"),
  ]
  #expect(
    schema.validate(annotation) == [
      .unknownAttribute("colour"), .missingRequiredAttribute("subtype"),
      .attributeNotAChoice(
        name: "acuity", value: "ancient",
        choices: ["hyperacute", "acute", "subacute", "chronic", "mixed"]),
      .attributeOutOfRange(name: "volume_ml", value: 900, minimum: 0, maximum: 500),
    ])
  annotation.attributes = ["subtype": .boolean(true), "volume_ml": .text("12")]
  #expect(
    schema.validate(annotation) == [
      .attributeWrongType(name: "subtype", expected: "a choice (text)", found: "boolean"),
      .attributeWrongType(name: "volume_ml", expected: "a number", found: "text"),
    ])
  annotation.attributes = ["subtype": .text("subdural"), "volume_ml": .number(-1)]
  #expect(
    schema.validate(annotation) == [
      .attributeOutOfRange(name: "volume_ml", value: -1, minimum: 0, maximum: 500)
    ])
  annotation.label = "ischemia"
  annotation.shape = .polygon([
    ImagePoint(x: 0, y: 0), ImagePoint(x: 4, y: 0), ImagePoint(x: 0, y: 4),
  ])
  annotation.attributes = ["hemorrhagic_transformation": .text("yes"), "territory": .text("MCA")]
  #expect(
    schema.validate(annotation) == [
      .attributeWrongType(name: "hemorrhagic_transformation", expected: "a boolean", found: "text")
    ])
}

@Test func classificationProblems() {
  var answer = Sample.answer()
  answer.shape = .classification(answers: [])
  #expect(schema.validate(answer) == [.noAnswer(question: "study_quality")])
  answer.shape = .classification(answers: ["limited", "diagnostic"])
  #expect(schema.validate(answer) == [.tooManyAnswers(question: "study_quality", count: 2)])
  answer.shape = .classification(answers: ["great"])
  #expect(schema.validate(answer) == [.unknownAnswer(question: "study_quality", answer: "great")])
  answer.shape = .classification(answers: ["limited"])
  answer.target = .image(Sample.image)
  answer.attributes = ["x": .boolean(true)]
  #expect(
    schema.validate(answer) == [
      .wrongLevel(question: "study_quality", expected: .study, actual: .image),
      .unknownAttribute("x"),
    ])
  var multiple = Sample.answer()
  multiple.label = "findings"
  multiple.shape = .classification(answers: ["mass", "mass"])
  #expect(schema.validate(multiple) == [.duplicateAnswer(question: "findings", answer: "mass")])
  var boxAnswer = Sample.box()
  boxAnswer.label = "study_quality"
  boxAnswer.attributes = [:]
  #expect(
    schema.validate(boxAnswer) == [
      .kindNotAllowed(label: "study_quality", kind: .box, allowed: [.classification])
    ])
  var tag = Sample.box()
  tag.label = "mass"
  tag.attributes = [:]
  tag.shape = .classification(answers: ["yes"])
  #expect(
    schema.validate(tag) == [
      .kindNotAllowed(label: "mass", kind: .classification, allowed: [.box, .polygon]),
      .answersOnLabel(label: "mass"),
    ])
  #expect(
    "\(AnnotationIssue.tooFewPoints(2))" == "a polygon needs at least 3 points, this one has 2")
}
