import Annotations
import Testing

@testable import AppCore

@Suite struct ReducerDrawingTests {
  @Test func boxFromTheIssueKeyString() throws {
    var session = try Session.started()
    let effects = try session.press("jj w1 b <Right><Right> <Enter> <Down> <Enter>")
    let image = try #require(session.state.currentImage)
    #expect(image.sopInstanceUID == "1.2.3.1.3")
    let expected = Annotation(
      id: try #require(effects.compactMap(\.addedAnnotation).first?.id), label: "hemorrhage",
      shape: .box(BoundingBox(x: 34, y: 32, width: 1, height: 2)), target: .image(image),
      author: "reader1", createdAt: Fixtures.now)
    #expect(
      effects.filter { !$0.isSampling } == [
        .decodeFrame(stack: 0, frame: 1), .loadAnnotations(session.state.study.stacks[0].frames[1]),
        .decodeFrame(stack: 0, frame: 2), .loadAnnotations(image), .commit(.add(expected)),
      ])
    #expect(Annotation.isValidID(expected.id))
    #expect(session.state.frameIndex == 2)
    #expect(session.state.window.current == WindowLevel(center: 40, width: 80))
    #expect(session.state.window.name == "brain")
    #expect(session.state.mode == .box)
    #expect(session.state.draft.isEmpty)
    #expect(session.state.crosshair == PixelPoint(x: 34, y: 33))
    // The screen shows the box only once the store has committed it.
    #expect(session.state.annotations.isEmpty)
    session.commitAll(effects)
    #expect(session.state.shapesOnImage == [expected])
  }

  /// D draws a redaction box: the reserved label whatever label is current, drawn white.
  @Test func redactionBoxesTakeTheReservedLabel() throws {
    var session = try Session.started()
    try session.press("3")
    let effects = try session.press("D <Enter> <S-Right> <Enter>")
    let added = try #require(effects.compactMap(\.addedAnnotation).first)
    #expect(added.label == Redaction.label)
    #expect(added.shape == .box(BoundingBox(x: 32, y: 32, width: 9, height: 1)))
    #expect(session.state.tool == .redact && session.state.mode == .box)
    session.commitAll(effects)
    #expect(session.state.overlay.shapes.first?.color == Redaction.color)
    #expect(LabelSchema.default.validate(added).isEmpty)
  }

  @Test func shiftArrowsMoveEightPixelsAndStopAtTheEdge() throws {
    var session = try Session.started()
    try session.press("b <S-Right> <S-Down>")
    #expect(session.state.crosshair == PixelPoint(x: 40, y: 40))
    try session.press("<S-Right><S-Right><S-Right><S-Right>")
    #expect(session.state.crosshair == PixelPoint(x: 63, y: 40))
  }

  @Test func boxCornersInEitherOrderGiveTheSameBox() throws {
    var session = try Session.started()
    let effects = try session.press("b <Enter> <Left><Left><Up> <Enter>")
    guard case .box(let box) = effects.compactMap(\.addedAnnotation).first?.shape else {
      Issue.record("no box in \(effects)")
      return
    }
    #expect(box == BoundingBox(x: 30, y: 31, width: 3, height: 2))
  }

  @Test func escapeDropsTheDraftThenLeavesTheTool() throws {
    var session = try Session.started()
    try session.press("b <Enter>")
    #expect(session.state.draft.count == 1)
    try session.press("<Esc>")
    #expect(session.state.draft.isEmpty)
    #expect(session.state.mode == .box)
    try session.press("<Esc>")
    #expect(session.state.mode == .normal)
    #expect(session.state.tool == .none)
  }

  @Test func polygonWithVerticesBackspaceAndClose() throws {
    var session = try Session.started()
    var effects = try session.press("p <Enter> <S-Right> <Enter> <C-d>")
    #expect(effects.allSatisfy { $0.isSampling })
    #expect(session.state.statusMessage == "a polygon needs at least 3 vertices")
    effects = try session.press("<S-Down> <Enter> <Left> <Enter> <BS> <C-d>")
    let polygon = try #require(effects.compactMap(\.addedAnnotation).first)
    #expect(
      polygon.shape
        == .polygon([
          ImagePoint(x: 32.5, y: 32.5), ImagePoint(x: 40.5, y: 32.5), ImagePoint(x: 40.5, y: 40.5),
        ]))
    #expect(polygon.label == "hemorrhage")
    #expect(session.state.mode == .polygon)
  }

  @Test func placingTheFirstVertexAgainClosesThePolygon() throws {
    var session = try Session.started()
    let effects = try session.press(
      "p <Enter> <S-Right> <Enter> <S-Down> <Enter> <S-Left><S-Up> <Enter>")
    let polygon = try #require(effects.compactMap(\.addedAnnotation).first)
    guard case .polygon(let points) = polygon.shape else {
      Issue.record("not a polygon")
      return
    }
    #expect(points.count == 3)
  }

  @Test func digitsChooseTheLabelAndItsKindsAreChecked() throws {
    var session = try Session.started()
    var effects = try session.press("3 b <Enter><Enter>")
    #expect(effects.compactMap(\.addedAnnotation).first?.label == "mass")
    effects = try session.press("<Esc> 7 b <Enter><Enter>")
    #expect(effects.isEmpty)
    #expect(session.state.statusMessage == "label edema is not for a box; choose another")
    try session.press("<Esc> 8")
    #expect(session.state.statusMessage == "no label on key 8")
    #expect(session.state.currentLabel == "edema")
  }

  @Test func selectRelabelAndDeleteTheSelectedShape() throws {
    var session = try Session.started()
    session.commitAll(try session.press("b <Enter><Enter> <Right> <Enter><Enter> <Esc>"))
    #expect(session.state.shapesOnImage.count == 2)
    try session.press("<Tab>")
    let first = try #require(session.state.selected)
    try session.press("<Tab>")
    #expect(session.state.selectedID != first.id)
    try session.press("<S-Tab>")
    #expect(session.state.selectedID == first.id)
    let relabel = try session.press("2")
    var after = first
    after.label = "ischemia"
    #expect(relabel == [.commit(.update(before: first, after: after))])
    session.commitAll(relabel)
    let deletion = try session.press("<Del>")
    #expect(deletion == [.commit(.delete(after))])
    session.commitAll(deletion)
    #expect(session.state.shapesOnImage.count == 1)
    #expect(session.state.selectedID == nil)
    #expect(try session.press("u U") == [.undo, .redo])
  }

  @Test func classifyingAnImageAddsThenUpdatesTheAnswer() throws {
    var session = try Session.started()
    let effects = try session.press("ti 1")
    let answer = try #require(effects.compactMap(\.addedAnnotation).first)
    #expect(answer.label == "slice_hemorrhage")
    #expect(answer.shape == .classification(answers: ["present"]))
    #expect(answer.target == .image(try #require(session.state.currentImage)))
    #expect(session.state.mode == .normal)
    session.commitAll(effects)
    var changed = answer
    changed.shape = .classification(answers: ["absent"])
    #expect(try session.press("ti 2") == [.commit(.update(before: answer, after: changed))])
    try session.press("ti 7")
    #expect(session.state.statusMessage == "slice_hemorrhage has no choice 7")
    try session.press("<Esc>")
    #expect(session.state.mode == .normal)
  }
}

extension Effect {
  /// The annotation of an `.add` commit.
  var addedAnnotation: Annotation? {
    if case .commit(.add(let annotation)) = self { return annotation }
    return nil
  }

  /// Whether this asks for the value under the crosshair.
  var isSampling: Bool {
    if case .sampleValue = self { return true }
    return false
  }
}
