import Annotations
import Testing

@testable import AppCore

@Suite struct ReducerRapidTests {
  func minutes(_ count: Int) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: Fixtures.now.millisecondsSinceEpoch + Int64(count) * 60_000)
  }

  @Test func aDigitAnswersAndAdvancesAtOnce() throws {
    var session = try Session.started()
    try session.press("<End> k")
    let entry = try session.press("T")
    #expect(session.state.mode == .rapid)
    #expect(entry == [.prefetch(stack: 0, frames: [39]), .prefetch(stack: 1, frames: [0, 1])])
    let first = try session.press("1", at: minutes(1))
    let answer = try #require(first.compactMap(\.addedAnnotation).first)
    #expect(answer.label == "slice_hemorrhage")
    #expect(answer.shape == .classification(answers: ["present"]))
    #expect(answer.target == .image(session.state.study.stacks[0].frames[38]))
    #expect(session.state.frameIndex == 39)
    #expect(first.last == .prefetch(stack: 1, frames: [0, 1, 2]))
    // At the end of a stack the next stack follows, at its first frame.
    try session.press("2", at: minutes(1))
    #expect(session.state.stackIndex == 1)
    #expect(session.state.frameIndex == 0)
    #expect(session.state.mode == .rapid)
    #expect(session.state.rapid?.answered == 2)
    #expect(statusLine(session.state).contains("rapid 2/160  2/min"))
  }

  @Test func undoStepsBackToThePreviousImage() throws {
    var session = try Session.started()
    try session.press("<End> T 1")
    #expect(session.state.stackIndex == 1)
    let undo = try session.press("u")
    #expect(undo.first == .undo)
    #expect(session.state.stackIndex == 0)
    #expect(session.state.frameIndex == 39)
    #expect(session.state.rapid?.answered == 0)
    #expect(try session.press("u").isEmpty)
    #expect(session.state.statusMessage == "no rapid answer to undo")
  }

  @Test func badDigitsStayAndEscapeLeaves() throws {
    var session = try Session.started()
    try session.press("T 7")
    #expect(session.state.frameIndex == 0)
    #expect(session.state.statusMessage == "slice_hemorrhage has no choice 7")
    try session.press("<Esc>")
    #expect(session.state.mode == .normal)
    #expect(session.state.rapid == nil)
    #expect(session.state.classification == nil)
  }

  @Test func aSchemaWithoutAnImageQuestionSaysSo() throws {
    var state = try Fixtures.state()
    state.schema.questions.removeAll { $0.level == .image }
    var session = Session(state)
    try session.press("T")
    #expect(session.state.mode == .normal)
    #expect(session.state.statusMessage.hasPrefix("rapid mode needs an image-level question"))
  }
}
