import Annotations
import Foundation
import TestSupport
import Testing

@Test func boxJSONIsStable() throws {
  let line = try AnnotationJSON.line(Sample.box())
  #expect(
    line == """
      {"attributes":{"subtype":"subdural","volume_ml":12.25},"author":"reader1",\
      "box":{"height":20,"width":30,"x":100.5,"y":80},"created_at":"2026-03-01T09:30:00.000Z",\
      "id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","kind":"box","label":"hemorrhage",\
      "revision":1,"status":"draft","target":{"frame":1,"level":"image",\
      "series_uid":"1.2.826.0.1.3680043.2.1125.1.2",\
      "sop_instance_uid":"1.2.826.0.1.3680043.2.1125.1.2.3",\
      "study_uid":"1.2.826.0.1.3680043.2.1125.1"},"updated_at":"2026-03-01T09:30:00.000Z"}
      """)
}

@Test func polygonAndClassificationJSONForms() throws {
  let polygon = try AnnotationJSON.line(Sample.polygon())
  #expect(polygon.contains(#""points":[[10,10],[40.25,12],[25,33.5]]"#))
  #expect(!polygon.contains("\"box\"") && !polygon.contains("\"answers\""))
  let answer = try AnnotationJSON.line(Sample.answer())
  #expect(answer.contains(#""answers":["limited"]"#))
  #expect(
    answer.contains(#""target":{"level":"study","study_uid":"1.2.826.0.1.3680043.2.1125.1"}"#))
  #expect(answer.contains(#""status":"submitted""#))
  var series = Sample.answer()
  series.target = .series(studyInstanceUID: "1.2", seriesInstanceUID: "1.2.3")
  #expect(
    try AnnotationJSON.line(series).contains(
      #""target":{"level":"series","series_uid":"1.2.3","study_uid":"1.2"}"#))
}

@Test func randomAnnotationsRoundTrip() throws {
  var generator = SeededGenerator(seed: 42)
  for _ in 0..<500 {
    var annotation = Sample.random(id: Annotation.makeID(using: &generator), using: &generator)
    annotation.updatedAt = Timestamp(
      millisecondsSinceEpoch: Int64.random(in: 0...253_402_300_799_999, using: &generator))
    annotation.attributes["note"] = .text("a \"quoted\" / slashed\nline ü")
    annotation.attributes["x"] = .number(Double.random(in: -1e6...1e6, using: &generator))
    let line = try AnnotationJSON.line(annotation)
    #expect(!line.contains("\n"))
    let decoded = try AnnotationJSON.decode(Annotation.self, from: line)
    #expect(decoded == annotation)
    #expect(try AnnotationJSON.line(decoded) == line)
  }
}

@Test func editsAndHistoryRoundTrip() throws {
  var moved = Sample.box()
  moved.shape = .box(BoundingBox(x: 1, y: 2, width: 3, height: 4))
  moved.revision = 2
  let edits: [AnnotationEdit] = [
    .add(Sample.polygon()), .update(before: Sample.box(), after: moved), .delete(Sample.answer()),
  ]
  for edit in edits {
    let line = try AnnotationJSON.line(edit)
    #expect(try AnnotationJSON.decode(AnnotationEdit.self, from: line) == edit)
  }
  #expect(try AnnotationJSON.line(edits[0]).hasPrefix(#"{"annotation":{"#))
  #expect(try AnnotationJSON.line(edits[1]).contains(#""op":"update""#))
  var history = UndoHistory(limit: 50)
  for edit in edits { history.record(edit) }
  _ = history.undo()
  let text = try AnnotationJSON.line(history)
  #expect(try AnnotationJSON.decode(UndoHistory.self, from: text) == history)
}

@Test func malformedJSONThrowsInsteadOfCrashing() {
  let valid = try! AnnotationJSON.line(Sample.box())
  let broken = [
    "", "{}", "[]", "null",
    valid.replacingOccurrences(of: #""kind":"box""#, with: #""kind":"circle""#),
    valid.replacingOccurrences(of: #""box":"#, with: #""points":"#),
    valid.replacingOccurrences(of: "2026-03-01T09:30:00.000Z", with: "2026-02-30T09:30:00.000Z"),
    valid.replacingOccurrences(of: "2026-03-01T09:30:00.000Z", with: "yesterday"),
    valid.replacingOccurrences(of: #""level":"image""#, with: #""level":"patient""#),
    valid.replacingOccurrences(of: #"{"frame":1,"#, with: #"{"#),
    valid.replacingOccurrences(of: #""volume_ml":12.25"#, with: #""volume_ml":[1]"#),
    #"{"id":"x","label":"l","kind":"polygon","points":[[1,2,3]]}"#,
    #"{"id":"x","label":"l","kind":"polygon","points":[[1]]}"#,
  ]
  for text in broken {
    #expect(throws: (any Error).self, "\(text)") {
      try AnnotationJSON.decode(Annotation.self, from: text)
    }
  }
}

@Test func optionalFieldsHaveDefaults() throws {
  let text = """
    {"id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","label":"hemorrhage","kind":"classification",
     "target":{"level":"study","study_uid":"1.2"},"author":"model:v1",
     "created_at":"2026-01-01T00:00:00.000Z"}
    """
  let annotation = try AnnotationJSON.decode(Annotation.self, from: text)
  #expect(annotation.shape == .classification(answers: []))
  #expect(annotation.updatedAt == annotation.createdAt)
  #expect(annotation.revision == 1 && annotation.status == .draft && annotation.attributes.isEmpty)
}

@Test func timestampsConvertExactly() {
  #expect(Timestamp(millisecondsSinceEpoch: 0).iso8601 == "1970-01-01T00:00:00.000Z")
  #expect(Timestamp(millisecondsSinceEpoch: -1).iso8601 == "1969-12-31T23:59:59.999Z")
  #expect(
    Timestamp(millisecondsSinceEpoch: 951_782_400_000).iso8601 == "2000-02-29T00:00:00.000Z")
  #expect(Timestamp(millisecondsSinceEpoch: Int64.min).iso8601 == nil)
  #expect(Timestamp(millisecondsSinceEpoch: Int64.max).iso8601 == nil)
  #expect(Timestamp(year: 2023, month: 2, day: 29) == nil)
  #expect(Timestamp(iso8601: "2024-02-29T23:59:59.999Z") != nil)
  var generator = SeededGenerator(seed: 1)
  for _ in 0..<2000 {
    let milliseconds = Int64.random(
      in: -62_135_596_800_000...253_402_300_799_999, using: &generator)
    let timestamp = Timestamp(millisecondsSinceEpoch: milliseconds)
    let text = timestamp.iso8601
    #expect(text.flatMap(Timestamp.init(iso8601:)) == timestamp)
  }
  // Foundation agrees on the calendar.
  let date = Date(timeIntervalSince1970: 1_234_567_890.123)
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
  #expect(
    Timestamp(millisecondsSinceEpoch: 1_234_567_890_123).iso8601 == formatter.string(from: date))
}

@Test func generatedIDsAreVersion4UUIDs() {
  var generator = SeededGenerator(seed: 9)
  var seen: Set<String> = []
  for _ in 0..<1000 {
    let id = Annotation.makeID(using: &generator)
    #expect(Annotation.isValidID(id))
    #expect(UUID(uuidString: id)?.uuidString.lowercased() == id)
    #expect(Array(id)[14] == "4")
    seen.insert(id)
  }
  #expect(seen.count == 1000)
  #expect(!Annotation.isValidID("1b4e28ba-2fa1-41d2-883f-0016d3cca42"))
  #expect(!Annotation.isValidID("1b4e28ba+2fa1-41d2-883f-0016d3cca427"))
}
