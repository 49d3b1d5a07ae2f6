import Annotations
import Foundation
import Testing

/// The example file ships beside the sources; if the lead moves it, only this path changes.
private let exampleURL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("Sources/Annotations/labels.example.toml")

@Test func exampleSchemaParses() throws {
  let text = try String(contentsOf: exampleURL, encoding: .utf8)
  let schema = try LabelSchema.parse(toml: text, fileName: "labels.example.toml")
  #expect(schema.labels.map(\.name) == ["hemorrhage", "ischemia", "fracture"])
  let hemorrhage = try #require(schema.label(named: "hemorrhage"))
  #expect(hemorrhage.color == LabelColor(red: 0xE5, green: 0x39, blue: 0x35))
  #expect(hemorrhage.hotkey == "1")
  #expect(hemorrhage.kinds == [.box, .polygon, .classification])
  #expect(hemorrhage.description == "Any intracranial hemorrhage")
  #expect(
    hemorrhage.attributes == [
      AttributeDefinition(
        name: "subtype",
        type: .choice([
          "epidural", "subdural", "subarachnoid", "intraparenchymal", "intraventricular",
        ]), isRequired: true),
      AttributeDefinition(name: "volume_ml", type: .number(minimum: 0, maximum: 500)),
      AttributeDefinition(name: "expanding", type: .boolean),
      AttributeDefinition(name: "comment", type: .text),
    ])
  #expect(schema.label(named: "ischemia")?.color.description == "#1e88e5")
  #expect(schema.label(named: "fracture")?.hotkey == nil)
  #expect(schema.label(forHotkey: "2")?.name == "ischemia")

  #expect(schema.questions.map(\.id) == ["study_quality", "findings", "slice_quality"])
  let quality = try #require(schema.question(withID: "study_quality"))
  #expect(quality.level == .study)
  #expect(!quality.allowsMultipleAnswers)
  #expect(quality.choices.map(\.hotkey) == ["d", "l", "n"])
  #expect(schema.question(withID: "findings")?.allowsMultipleAnswers == true)
  #expect(schema.question(withID: "findings")?.level == .series)
  let slice = try #require(schema.question(withID: "slice_quality"))
  #expect(slice.level == .image)
  #expect(
    slice.choices == [
      ClassificationChoice(name: "clean", hotkey: "c"), ClassificationChoice(name: "motion"),
      ClassificationChoice(name: "beam hardening"), ClassificationChoice(name: "metal"),
    ])
}

@Test func defaultSchemaParsesAsCTHead() throws {
  let schema = try LabelSchema.parse(toml: LabelSchema.defaultTOML)
  #expect(schema == LabelSchema.default)
  let names = schema.labels.map(\.name)
  for finding in ["hemorrhage", "ischemia", "mass", "fracture"] {
    #expect(names.contains(finding))
  }
  let hotkeys = schema.labels.compactMap(\.hotkey)
  #expect(Set(hotkeys).count == hotkeys.count)
  #expect(Set(schema.questions.map(\.level)) == [.study, .series, .image])
}

@Test func minimalSchemaAndDefaults() throws {
  let schema = try LabelSchema.parse(
    toml: """
      [[label]]
      name = "x"
      color = "#000000"
      kinds = ["box"]

      [[label.attribute]]
      name = "n"
      type = "number"

      [[question]]
      id = "q"
      prompt = "?"
      level = "image"
      choices = ["a"]
      """)
  #expect(
    schema.labels[0].attributes[0]
      == AttributeDefinition(name: "n", type: .number(minimum: nil, maximum: nil)))
  #expect(schema.questions[0].allowsMultipleAnswers == false)
  #expect(try LabelSchema.parse(toml: "") == LabelSchema(labels: [], questions: []))
}

@Test func colorParsing() {
  #expect(LabelColor(hex: "#0a0B0c") == LabelColor(red: 10, green: 11, blue: 12))
  for bad in ["", "#", "0a0b0c", "#0a0b0", "#0a0b0c0", "#0g0000", "#ééé", "red"] {
    #expect(LabelColor(hex: bad) == nil, "\(bad)")
  }
}
