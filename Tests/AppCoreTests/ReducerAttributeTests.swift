import Annotations
import Testing

@testable import AppCore

@Suite struct ReducerAttributeTests {
  /// A committed, selected hemorrhage box on slice 1.
  func sessionWithBox() throws -> Session {
    var session = try Session.started()
    session.commitAll(try session.press("b <Enter> <S-Right> <Enter> <Esc>"))
    try session.press("<Tab>")
    return session
  }

  @Test func relabelCyclesThroughLabelsThatAllowTheKind() throws {
    var session = try sessionWithBox()
    let before = try #require(session.state.selected)
    let effects = try session.press("r")
    var after = before
    after.label = "ischemia"
    #expect(effects == [.commit(.update(before: before, after: after))])
    session.commitAll(effects)
    // ischemia → mass → fracture → midline_shift → (hydrocephalus, edema: no boxes) → artifact
    for _ in 0..<4 { session.commitAll(try session.press("r")) }
    #expect(session.state.selected?.label == "artifact")
    session.commitAll(try session.press("r"))
    #expect(session.state.selected?.label == "hemorrhage")
  }

  @Test func theFormCyclesChoicesAndTakesTypedNumbers() throws {
    var session = try sessionWithBox()
    try session.press("a")
    #expect(session.state.mode == .command)
    #expect(session.state.formAttribute?.name == "subtype")
    let before = try #require(session.state.selected)
    let first = try session.press("<Enter>")
    var after = before
    after.attributes["subtype"] = .text("epidural")
    #expect(first == [.commit(.update(before: before, after: after))])
    session.commitAll(first)
    session.commitAll(try session.press("<Enter>"))
    #expect(session.state.selected?.attributes["subtype"] == .text("subdural"))
    session.commitAll(try session.press("intrap <Enter>"))
    #expect(session.state.selected?.attributes["subtype"] == .text("intraparenchymal"))
    session.commitAll(try session.press("<Down><Down> 12.5 <Enter>"))
    #expect(session.state.selected?.attributes["volume_ml"] == .number(12.5))
    #expect(try session.press("900 <Enter>").isEmpty)
    #expect(session.state.statusMessage == "volume_ml is at most 500")
    try session.press("<Esc>")
    #expect(session.state.mode == .normal)
    #expect(session.state.attributeForm == nil)
  }

  @Test func booleansFlipAndTextIsTyped() throws {
    let attribute = AttributeDefinition(name: "depressed", type: .boolean)
    #expect(AppState.parse("", for: attribute, current: nil) == .success(.boolean(true)))
    #expect(
      AppState.parse("", for: attribute, current: .boolean(true)) == .success(.boolean(false)))
    #expect(AppState.parse("no", for: attribute, current: nil) == .success(.boolean(false)))
    let note = AttributeDefinition(name: "note", type: .text)
    #expect(AppState.parse("motion", for: note, current: nil) == .success(.text("motion")))
    #expect(
      AppState.parse("", for: note, current: nil)
        == .failure(FormProblem("type the text for note, then Enter")))
  }

  @Test func relabelWithAnEmptySchemaDoesNotCrash() throws {
    var session = try sessionWithBox()
    session.state.schema = LabelSchema(labels: [], questions: [])
    #expect(try session.press("r").isEmpty)
    #expect(session.state.statusMessage == "the label schema has no labels")
  }

  @Test func labelsWithoutAttributesAndNoSelectionSaySo() throws {
    var session = try Session.started()
    try session.press("a")
    #expect(session.state.statusMessage == "nothing selected: Tab selects a shape")
    session.commitAll(
      try session.press("6 p <Enter> <S-Right> <Enter> <S-Down> <Enter> <C-d> <Esc>"))
    try session.press("<Tab> a")
    #expect(session.state.mode == .normal)
    #expect(session.state.statusMessage == "label hydrocephalus has no attributes")
  }
}
