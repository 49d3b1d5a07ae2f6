import Annotations
import Testing

@testable import AppCore

@Suite struct ReducerEditTests {
  /// A session with one committed, selected box from (32,32) to (40,40) on slice 1.
  func sessionWithBox() throws -> Session {
    var session = try Session.started()
    session.commitAll(try session.press("b <Enter> <S-Right><S-Down> <Enter> <Esc>"))
    try session.press("<Tab>")
    return session
  }

  func box(_ session: Session) -> BoundingBox? {
    if case .box(let box) = session.state.selected?.shape { return box }
    return nil
  }

  @Test func moveTheWholeBoxThenACornerEachAsOneUpdate() throws {
    var session = try sessionWithBox()
    #expect(box(session) == BoundingBox(x: 32, y: 32, width: 9, height: 9))
    try session.press("e")
    #expect(session.state.mode == .edit)
    #expect(session.state.crosshair == PixelPoint(x: 36, y: 36))
    #expect(session.state.overlay.crosshair == PixelPoint(x: 36, y: 36))
    let before = try #require(session.state.selected)
    let move = try session.press("<Right>")
    var after = before
    after.shape = .box(BoundingBox(x: 33, y: 32, width: 9, height: 9))
    #expect(move.first == .commit(.update(before: before, after: after)))
    session.commitAll(move)
    #expect(session.state.crosshair == PixelPoint(x: 37, y: 36))
    // Corner 3 is the bottom right; Shift moves eight pixels.
    session.commitAll(try session.press("<Tab><Tab><Tab> <S-Down>"))
    #expect(statusLine(session.state).contains("edit corner 3/4"))
    #expect(box(session) == BoundingBox(x: 33, y: 32, width: 9, height: 17))
    #expect(session.state.crosshair == PixelPoint(x: 41, y: 48))
    try session.press("<Enter>")
    #expect(session.state.mode == .normal)
    #expect(session.state.selectedID == before.id)
  }

  @Test func geometryStaysInsideTheImageAndCornersDoNotFlip() throws {
    var session = try sessionWithBox()
    try session.press("e")
    for _ in 0..<6 { session.commitAll(try session.press("<S-Right>")) }
    #expect(box(session) == BoundingBox(x: 55, y: 32, width: 9, height: 9))
    // The top-left corner pushed right stops one pixel before the right edge.
    for _ in 0..<3 { session.commitAll(try session.press("<Tab> <S-Right>")) }
    session.commitAll(try session.press("<S-Tab><S-Tab><S-Tab><S-Tab> <S-Right><S-Right>"))
    #expect(box(session) == BoundingBox(x: 63, y: 32, width: 1, height: 9))
    #expect(try session.press("<S-Right>").filter { !$0.isSampling }.isEmpty)
  }

  @Test func polygonVerticesMoveAndDeleteButNeverBelowThree() throws {
    var session = try Session.started()
    session.commitAll(
      try session.press(
        "p <Enter> <S-Right> <Enter> <S-Down> <Enter> <S-Left> <Enter> <C-d> <Esc>"))
    try session.press("<Tab> e")
    #expect(session.state.mode == .edit)
    #expect(statusLine(session.state).contains("edit vertex 1/4"))
    session.commitAll(try session.press("<Tab> <Up>"))
    guard case .polygon(let points) = session.state.selected?.shape else {
      Issue.record("no polygon")
      return
    }
    #expect(points[1] == ImagePoint(x: 40.5, y: 31.5))
    session.commitAll(try session.press("<Del>"))
    guard case .polygon(let fewer) = session.state.selected?.shape else { return }
    #expect(fewer.count == 3)
    #expect(try session.press("<BS>").filter { !$0.isSampling }.isEmpty)
    #expect(session.state.statusMessage == "a polygon keeps at least 3 vertices")
  }

  @Test func editNeedsASelectionAndLeavesWhenTheShapeIsGone() throws {
    var session = try Session.started()
    try session.press("e")
    #expect(session.state.mode == .normal)
    #expect(session.state.statusMessage == "select a box or polygon first (Tab)")
    session = try sessionWithBox()
    try session.press("e")
    let selected = try #require(session.state.selected)
    session.send(.editCommitted(.delete(selected)))
    #expect(session.state.mode == .normal)
    #expect(try session.press("u") == [.undo])
  }
}
