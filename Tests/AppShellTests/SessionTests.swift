import Annotations
import AppCore
import AppShell
import TerminalGraphics
import Testing

@Suite struct SessionTests {
  @Test func firstScreenSendsTheWholeSliceAndAsksForReadiness() throws {
    let fixture = try SessionFixture()
    let output = fixture.output()
    #expect(output.previous == nil)
    #expect(output.requestsReadiness)
    let placement = try #require(output.graphics.first)
    #expect(output.graphics.count == 1)
    let decoded = try SixelDecoder.decode(placement.bytes)
    // The viewport is the screen minus the side panel and two text rows, 10x20 px per cell.
    #expect(decoded.height == (40 - 2) * 20)
    #expect(decoded.width % 10 == 0 && decoded.width > 500)
    #expect(fixture.session.state.window.current == WindowLevel(center: 40, width: 80))
  }

  @Test func aNewSliceWaitsUntilTheTerminalAnswered() throws {
    let fixture = try SessionFixture()
    _ = fixture.output()
    try fixture.press("j j j")
    let waiting = fixture.output()
    #expect(waiting.graphics.isEmpty)
    #expect(waiting.screen != waiting.previous)  // the status line moves on at once
    fixture.terminalAnswers()
    let next = fixture.output()
    #expect(next.graphics.count == 1)
    #expect(next.requestsReadiness)
    #expect(fixture.session.state.frameIndex == 3)
    // Nothing more to send until something changes.
    fixture.terminalAnswers()
    #expect(fixture.output().graphics.isEmpty)
  }

  @Test func aTerminalThatNeverAnswersStillGetsFramesAfterTheTimeout() throws {
    let fixture = try SessionFixture()
    _ = fixture.output()
    try fixture.press("j")
    #expect(fixture.output().graphics.isEmpty)
    fixture.clock += Session.readinessTimeout + 0.1
    #expect(fixture.output().graphics.count == 1)
  }

  @Test func aCrosshairStepResendsOnlyTheRowsThatChanged() throws {
    let fixture = try SessionFixture()
    let full = SessionFixture.graphicBytes(fixture.output())
    fixture.terminalAnswers()
    try fixture.press("b")
    _ = fixture.output()
    fixture.terminalAnswers()
    try fixture.press("<Right>")
    let step = fixture.output()
    let placement = try #require(step.graphics.first)
    let strip = try SixelDecoder.decode(placement.bytes)
    #expect(strip.height < 6 * 20)
    #expect(strip.width < 6 * 10)
    #expect(placement.column > 0)
    #expect(Double(SessionFixture.graphicBytes(step)) < 0.15 * Double(full))
  }

  @Test func aBoxDrawnWithKeysIsInTheWorkspace() throws {
    let fixture = try SessionFixture()
    try fixture.press("b <Enter>")
    for _ in 0..<5 { try fixture.press("<S-Right> <S-Down>") }
    try fixture.press("<Enter>")
    let stored = try fixture.workspace.annotations.allStored()
    let box = try #require(stored.first?.annotation)
    #expect(stored.count == 1)
    guard case .box(let geometry) = box.shape else {
      Issue.record("not a box: \(box.shape)")
      return
    }
    #expect(geometry.width == 41 && geometry.height == 41)
    #expect(fixture.session.state.shapesOnImage.map(\.id) == [box.id])
  }

  @Test func halfBlocksResendOnlyChangedLines() throws {
    let fixture = try SessionFixture(graphics: .blocks)
    let first = fixture.output()
    #expect(first.graphics.count == 38)
    fixture.terminalAnswers()
    try fixture.press("b")
    _ = fixture.output()
    fixture.terminalAnswers()
    // 88 columns show 512 pixels: one display pixel is about six image pixels.
    try fixture.press("<S-Right>")
    let step = fixture.output()
    // The crosshair's vertical arm is 13 display pixels: at most 8 lines change.
    #expect(!step.graphics.isEmpty && step.graphics.count <= 8)
  }
}

@Suite struct RapidModeTests {
  /// The image encoded while idle is exactly what would have been encoded after the key.
  @Test func theNextImageEncodedAheadIsWhatTheAnswerShows() throws {
    let ahead = try SessionFixture()
    let onDemand = try SessionFixture()
    for fixture in [ahead, onDemand] {
      try fixture.press("T")
      _ = fixture.output()
      fixture.terminalAnswers()
    }
    var idleSteps = 0
    while ahead.session.doIdleWork() { idleSteps += 1 }
    #expect(idleSteps >= 1)
    #expect(!ahead.session.hasIdleWork)
    try ahead.press("2")
    try onDemand.press("2")
    let fromAhead = ahead.output()
    let fromDemand = onDemand.output()
    #expect(ahead.session.state.frameIndex == 1)
    #expect(fromAhead.graphics == fromDemand.graphics)
    #expect(!fromAhead.graphics.isEmpty)
    let stored = try ahead.workspace.annotations.allStored()
    #expect(stored.count == 1)
  }

  @Test func kittyFramesReplaceTheImageByID() throws {
    let fixture = try SessionFixture(graphics: .kitty)
    let output = fixture.output()
    let bytes = try #require(output.graphics.first?.bytes)
    let text = String(decoding: bytes.prefix(64), as: UTF8.self)
    #expect(text.hasPrefix("\u{1B}_G"), "\(text)")
    #expect(text.contains("i=1"), "\(text)")
  }
}
