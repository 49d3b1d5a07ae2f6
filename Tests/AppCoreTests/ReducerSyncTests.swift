import Annotations
import TUIKit
import Testing

@testable import AppCore

@Suite struct ReducerSyncTests {
  @Test func conflictsAreCountedListedAndResolvedFromTheCommandLine() throws {
    var session = try Session.started()
    session.send(.syncChanged("synced"))
    session.send(
      .conflictsChanged([
        ConflictSummary(
          annotationID: "a-1", title: "hemorrhage box", detail: "yours edited, server r3 by bob"),
        ConflictSummary(
          annotationID: "a-2", title: "mass polygon", detail: "yours deleted, server r2 by bob"),
      ]))
    let frame = AppView.view(session.state, theme: .fallback, size: session.state.screenSize)
    let row = session.state.screenSize.rows - 2
    let status = (0..<frame.screen.width).map { frame.screen[$0, row].text }.joined()
    #expect(status.contains("synced 2 conflicts"), "\(status)")

    try session.press(":conflicts<Space>2<Enter>")
    #expect(session.state.statusMessage.contains("conflict 2/2: mass polygon"))
    let effects = try session.press(":resolve<Space>2<Space>theirs<Enter>")
    #expect(effects == [.resolveConflict(annotationID: "a-2", choice: "theirs")])
    try session.press(":resolve<Space>3<Space>mine<Enter>")
    #expect(session.state.statusMessage.hasPrefix("usage: :resolve"))
    #expect(try session.press(":sync<Enter>") == [.syncNow])
  }

  @Test func aStackWithBurnedInRiskSaysSoInTheStatusLine() throws {
    var state = try Fixtures.state()
    state.study.stacks[0].burnedInRisk = "ultrasound (modality US)"
    let frame = AppView.view(state, theme: .fallback, size: state.screenSize)
    let row = state.screenSize.rows - 2
    let status = (0..<frame.screen.width).map { frame.screen[$0, row].text }.joined()
    #expect(status.contains("burned-in text?"), "\(status)")
  }
}
