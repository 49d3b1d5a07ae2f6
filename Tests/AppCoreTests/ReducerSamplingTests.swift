import Annotations
import Testing

@testable import AppCore

@Suite struct ReducerSamplingTests {
  @Test func movingTheCrosshairAsksForTheValueAndShowsTheAnswer() throws {
    var session = try Session.started()
    #expect(
      try session.press("b") == [.sampleValue(stack: 0, frame: 0, point: PixelPoint(x: 32, y: 32))])
    let moved = try session.press("<Right>")
    let point = PixelPoint(x: 33, y: 32)
    #expect(moved == [.sampleValue(stack: 0, frame: 0, point: point)])
    #expect(statusLine(session.state).contains("(33,32)"))
    session.send(
      .valueSampled(stack: 0, frame: 0, point: point, value: SampledValue(value: 35, unit: "HU")))
    #expect(session.state.sampledValue == SampledValue(value: 35, unit: "HU"))
    #expect(statusLine(session.state).contains("(33,32) 35 HU"))
    // Pressing into the edge does not move the crosshair, so nothing is asked again.
    try session.press("<S-Up><S-Up><S-Up><S-Up>")
    #expect(try session.press("<Up>").isEmpty)
  }

  @Test func staleAnswersAreIgnored() throws {
    var session = try Session.started()
    try session.press("b <Right>")
    let old = PixelPoint(x: 32, y: 32)
    session.send(
      .valueSampled(stack: 0, frame: 0, point: old, value: SampledValue(value: 1, unit: "HU")))
    #expect(session.state.sampledValue == nil)
    session.send(
      .valueSampled(
        stack: 0, frame: 1, point: PixelPoint(x: 33, y: 32),
        value: SampledValue(value: 2, unit: "HU")
      ))
    #expect(session.state.sampledValue == nil)
    session.send(.valueSampled(stack: 0, frame: 0, point: PixelPoint(x: 33, y: 32), value: nil))
    #expect(statusLine(session.state).contains("(33,32)"))
  }

  @Test func changingTheImageWhileDrawingAsksAgain() throws {
    var session = try Session.started()
    try session.press("b")
    let point = PixelPoint(x: 32, y: 32)
    session.send(
      .valueSampled(stack: 0, frame: 0, point: point, value: SampledValue(value: 9, unit: "")))
    let effects = try session.press("j")
    #expect(effects.last == .sampleValue(stack: 0, frame: 1, point: point))
    #expect(session.state.sampledValue == nil)
  }

  @Test func noSamplingWithoutACrosshair() throws {
    var session = try Session.started()
    let effects = try session.press("j k W <Right> <Esc>")
    #expect(!effects.contains { $0.isSampling })
    #expect(!statusLine(session.state).contains("(32,32)"))
  }
}
