import Annotations
import TUIKit
import Testing

@testable import AppCore

@Suite struct ReducerCineAndWindowTests {
  @Test func cineTicksAdvanceAndWrapAtTheEndOfTheStack() throws {
    var session = try Session.started()
    #expect(session.state.cineInterval == nil)
    try session.press("<End> k")
    let start = try session.press("c")
    #expect(session.state.isCinePlaying)
    #expect(session.state.cineInterval == 1.0 / 8)
    #expect(start == [.prefetch(stack: 0, frames: [39, 0, 1])])
    let first = session.send(.tick)
    #expect(session.state.frameIndex == 39)
    #expect(first.first == .decodeFrame(stack: 0, frame: 39))
    #expect(first.last == .prefetch(stack: 0, frames: [0, 1, 2]))
    session.send(.tick)
    #expect(session.state.frameIndex == 0)
    try session.press("c")
    #expect(session.state.cineInterval == nil)
    #expect(session.send(.tick).isEmpty)
    #expect(session.state.frameIndex == 0)
  }

  @Test func cineRateStepsAndDigitsStartIt() throws {
    var session = try Session.started()
    try session.press("C+")
    #expect(session.state.cineFramesPerSecond == 10)
    #expect(!session.state.isCinePlaying)
    try session.press("C- C- C-")
    #expect(session.state.cineFramesPerSecond == 5)
    try session.press("C3")
    #expect(session.state.isCinePlaying)
    #expect(session.state.cineInterval == 1.0 / 3)
    for _ in 0..<20 { try session.press("C+") }
    #expect(session.state.cineFramesPerSecond == 30)
    for _ in 0..<20 { try session.press("C-") }
    #expect(session.state.cineFramesPerSecond == 1)
    session.send(.command(BoundCommand(name: "cine.fps", arguments: ["31"])))
    #expect(session.state.statusMessage == "cine runs at 1 to 30 frames/s")
    #expect(session.state.cineFramesPerSecond == 1)
  }

  @Test func cineStopsOnSeriesChangeDrawingAndEscape() throws {
    var session = try Session.started()
    try session.press("c <PageDown>")
    #expect(!session.state.isCinePlaying)
    try session.press("c b")
    #expect(!session.state.isCinePlaying)
    try session.press("<Esc> c <Esc>")
    #expect(!session.state.isCinePlaying)
  }

  @Test func cineShowsInTheStatusLine() throws {
    var session = try Session.started()
    try session.press("c")
    let text = statusLine(session.state)
    #expect(text.contains("cine 8fps"))
  }

  @Test func steppedWindowModeChangesWidthAndLevel() throws {
    var session = try Session.started()
    try session.press("W")
    #expect(session.state.mode == .window)
    #expect(statusLine(session.state).contains("W/L step 10"))
    try session.press("<Right> <Up> <Up>")
    #expect(session.state.window.current == WindowLevel(center: 60, width: 90))
    #expect(session.state.window.name == "custom")
    try session.press("<Tab>")
    #expect(session.state.windowStep == .large)
    #expect(statusLine(session.state).contains("W/L step 100"))
    try session.press("<Left> <Down>")
    #expect(session.state.window.current == WindowLevel(center: -40, width: 1))
    try session.press("<Tab> <Left> <Left>")
    #expect(session.state.windowStep == .small)
    #expect(session.state.window.current?.width == 1)
    try session.press("j")
    #expect(session.state.frameIndex == 1)
    try session.press("W")
    #expect(session.state.mode == .normal)
    try session.press("W <Esc>")
    #expect(session.state.mode == .normal)
  }

  @Test func panModeMovesZoomsAndFits() throws {
    var session = try Session.started()
    try session.press("P")
    #expect(session.state.mode == .pan)
    try session.press("<Right> <Down> <Down>")
    #expect(session.state.pan == PixelPoint(x: 6, y: 12))
    try session.press("+")
    #expect(session.state.zoom == 1.25)
    try session.press("<Left>")
    #expect(session.state.pan == PixelPoint(x: 1, y: 12))
    try session.press("=")
    #expect(session.state.pan == PixelPoint(x: 0, y: 0))
    #expect(session.state.zoom == 1)
    try session.press("P")
    #expect(session.state.mode == .normal)
    try session.press("P <Esc>")
    #expect(session.state.mode == .normal)
  }
}

/// The status line's text at 160 columns, wide enough for every part.
func statusLine(_ state: AppState) -> String {
  let frame = AppView.view(state, theme: .fallback, size: ScreenSize(columns: 160, rows: 48))
  let rows = frame.screen.snapshotText().split(separator: "\n", omittingEmptySubsequences: false)
  return rows.count > 46 ? String(rows[46]) : ""
}
