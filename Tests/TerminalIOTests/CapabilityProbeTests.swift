import Glibc
import TerminalGraphics
import TerminalIO
import Testing

/// The probe against real pseudo-terminals with a fake terminal emulator on the master side.
@Suite(.serialized) struct CapabilityProbeTests {
  /// Long enough that a loaded machine cannot make an answering fake look silent; the probe
  /// returns as soon as the sentinel arrives, so it costs nothing when the fake answers.
  static let generousTimeout = Duration.seconds(10)

  struct ProbeRun {
    var capabilities: TerminalCapabilities
    var bytesWritten: [UInt8]
    var settingsBefore: [UInt8]
    var settingsAfter: [UInt8]
  }

  func probe(
    answers: [String: String], windowSize: WindowSize, byteByByte: Bool = false,
    environment: [String: String] = [:], timeout: Duration = generousTimeout,
    expectedQueryBytes: Int = CapabilityQuery.firstRound.count
  ) throws -> ProbeRun {
    let pty = try PseudoTerminal(windowSize: windowSize)
    let fake = FakeTerminal(master: pty.master, answers: answers, answersByteByByte: byteByByte)
    fake.start()
    let before = try pty.slaveSettings()
    let capabilities = CapabilityProbe.run(
      TerminalDevice(wrapping: pty.slave), environment: environment, timeout: timeout)
    let after = try pty.slaveSettings()
    return ProbeRun(
      capabilities: capabilities, bytesWritten: fake.stop(afterReceiving: expectedQueryBytes),
      settingsBefore: before,
      settingsAfter: after)
  }

  static let tunedWindow = WindowSize(rows: 45, columns: 120, pixelWidth: 964, pixelHeight: 769)

  @Test func tunedXtermGivesSixelWithCellSizeFromTheWindowSize() throws {
    let run = try probe(answers: TerminalProfiles.tunedXterm, windowSize: Self.tunedWindow)
    let caps = run.capabilities
    #expect(caps.probeOutcome == .answered)
    #expect(caps.supportsSixel)
    #expect(caps.colorRegisters == 256)
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
    #expect(caps.cellSizeSource == .windowSizePixels)
    #expect(caps.textAreaPixels == PixelSize(width: 960, height: 765))
    #expect(caps.windowSize == Self.tunedWindow)
    #expect(caps.terminal == TerminalIdentity(name: "XTerm", version: "379"))
    #expect(ProtocolChoice.choose(caps, override: nil).graphicsProtocol == .sixel)
    // Exactly round 1: no raise for 256 registers, and no echo of the replies.
    #expect(run.bytesWritten == CapabilityQuery.firstRound)
    #expect(run.settingsAfter == run.settingsBefore)
  }

  @Test func tunedXtermWithoutWindowPixelsUsesTheCellSizeReply() throws {
    let run = try probe(
      answers: TerminalProfiles.tunedXterm,
      windowSize: WindowSize(rows: 45, columns: 120, pixelWidth: 0, pixelHeight: 0))
    #expect(run.capabilities.cellSize == PixelSize(width: 8, height: 17))
    #expect(run.capabilities.cellSizeSource == .cellSizeReport)
    #expect(run.settingsAfter == run.settingsBefore)
  }

  @Test func vt340With16RegistersIsRaisedTo256() throws {
    let run = try probe(
      answers: TerminalProfiles.xtermVT340With16Registers,
      windowSize: WindowSize(rows: 30, columns: 100, pixelWidth: 604, pixelHeight: 394),
      expectedQueryBytes: CapabilityQuery.firstRound.count
        + CapabilityQuery.raiseColorRegisters.count)
    #expect(run.bytesWritten == CapabilityQuery.firstRound + CapabilityQuery.raiseColorRegisters)
    #expect(run.capabilities.probeOutcome == .answered)
    #expect(run.capabilities.supportsSixel)
    #expect(run.capabilities.colorRegisters == 256)
    #expect(run.capabilities.maximumSixelGeometry == PixelSize(width: 1000, height: 1000))
    #expect(run.capabilities.cellSize == PixelSize(width: 6, height: 13))
    #expect(run.settingsAfter == run.settingsBefore)
  }

  @Test func tmux33aIsDetectedFromItsRepliesAndGetsHalfBlocks() throws {
    let run = try probe(
      answers: TerminalProfiles.tmux33a,
      windowSize: WindowSize(rows: 44, columns: 120, pixelWidth: 960, pixelHeight: 748),
      byteByByte: true)
    let caps = run.capabilities
    #expect(caps.probeOutcome == .answered)
    #expect(caps.insideTmux)
    #expect(caps.tmuxVersion == TmuxVersion(major: 3, minor: 3, suffix: "a"))
    #expect(!caps.supportsSixel)
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
    #expect(ProtocolChoice.choose(caps, override: nil).graphicsProtocol == .blocks)
    #expect(run.settingsAfter == run.settingsBefore)
  }

  @Test func kittyAnswerIsSeen() throws {
    let run = try probe(
      answers: TerminalProfiles.kitty,
      windowSize: WindowSize(rows: 40, columns: 100, pixelWidth: 0, pixelHeight: 0))
    #expect(run.capabilities.supportsKittyGraphics)
    #expect(run.capabilities.cellSizeSource == .cellSizeReport)
    #expect(ProtocolChoice.choose(run.capabilities, override: nil).graphicsProtocol == .kitty)
  }

  @Test func silentTerminalStillReturnsWithDefaults() throws {
    let run = try probe(
      answers: TerminalProfiles.silent,
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0),
      timeout: CapabilityProbe.defaultTimeout)
    let caps = run.capabilities
    #expect(caps.probeOutcome == .timedOut)
    #expect(!caps.supportsSixel)
    #expect(!caps.supportsKittyGraphics)
    #expect(caps.colorRegisters == nil)
    #expect(caps.cellSize == PixelSize(width: 10, height: 20))
    #expect(caps.cellSizeSource == .assumedDefault)
    #expect(run.bytesWritten == CapabilityQuery.firstRound)
    #expect(run.settingsAfter == run.settingsBefore)
  }

  @Test func staleRepliesQueuedBeforeTheProbeAreIgnored() throws {
    let pty = try PseudoTerminal(windowSize: Self.tunedWindow)
    // Ends with a newline so the canonical-mode queue counts it as readable.
    let stale = "\(csi)?1;2c\(csi)0n\n"
    pty.writeToMaster(stale)
    pty.waitForPendingSlaveInput(stale.utf8.count)
    let fake = FakeTerminal(master: pty.master, answers: TerminalProfiles.tunedXterm)
    fake.start()
    let caps = CapabilityProbe.run(
      TerminalDevice(wrapping: pty.slave), environment: [:], timeout: Self.generousTimeout)
    _ = fake.stop()
    #expect(caps.probeOutcome == .answered)
    #expect(caps.supportsSixel)
    #expect(caps.colorRegisters == 256)
  }

  @Test func customSettingsAreRestoredExactly() throws {
    let pty = try PseudoTerminal(windowSize: Self.tunedWindow)
    var custom = try pty.slaveTermios()
    custom.c_lflag &= ~tcflag_t(ECHOCTL)
    custom.c_iflag |= tcflag_t(IXANY)
    withUnsafeMutableBytes(of: &custom.c_cc) { $0[Int(VMIN)] = 3 }
    #expect(tcsetattr(pty.slave, TCSANOW, &custom) == 0)
    let before = try pty.slaveSettings()
    let fake = FakeTerminal(master: pty.master, answers: TerminalProfiles.tunedXterm)
    fake.start()
    let caps = CapabilityProbe.run(
      TerminalDevice(wrapping: pty.slave), environment: [:], timeout: Self.generousTimeout)
    _ = fake.stop()
    #expect(caps.supportsSixel)
    #expect(try pty.slaveSettings() == before)
  }

  @Test func terminalHangingUpMidProbeFailsInsteadOfHanging() throws {
    let pty = try PseudoTerminal(windowSize: Self.tunedWindow)
    let fake = FakeTerminal(master: dup(pty.master), answers: [:], hangsUpOnFirstQuery: true)
    pty.closeMaster()
    fake.start()
    let caps = CapabilityProbe.run(
      TerminalDevice(wrapping: pty.slave), environment: [:], timeout: Self.generousTimeout)
    _ = fake.stop()
    guard case .failed(let reason) = caps.probeOutcome else {
      Issue.record("expected .failed, got \(caps.probeOutcome)")
      return
    }
    #expect(!reason.isEmpty)
    #expect(!caps.supportsSixel)
  }

  @Test func hungUpTerminalIsNotProbed() throws {
    let pty = try PseudoTerminal(windowSize: Self.tunedWindow)
    pty.closeMaster()
    let caps = CapabilityProbe.run(
      TerminalDevice(wrapping: pty.slave), environment: [:], timeout: Self.generousTimeout)
    guard case .notProbed(let reason) = caps.probeOutcome else {
      Issue.record("expected .notProbed, got \(caps.probeOutcome)")
      return
    }
    #expect(reason.contains("not a usable terminal"))
  }

  @Test func pipeIsNotProbedAndNothingIsWritten() throws {
    var ends: [Int32] = [-1, -1]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    let caps = CapabilityProbe.run(
      TerminalDevice(wrapping: ends[1]), environment: ["COLORTERM": "truecolor"])
    guard case .notProbed(let reason) = caps.probeOutcome else {
      Issue.record("expected .notProbed, got \(caps.probeOutcome)")
      return
    }
    #expect(reason.contains("not a terminal"))
    #expect(caps.truecolorHint)
    #expect(caps.cellSizeSource == .assumedDefault)
    var entry = pollfd(fd: ends[0], events: Int16(POLLIN), revents: 0)
    #expect(poll(&entry, 1, 0) == 0)
  }

  @Test func controllingTerminalIsNotProbedWhenOutputIsNotATerminal() {
    guard isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 else { return }
    let caps = CapabilityProbe.runOnControllingTerminal(environment: ["NO_COLOR": "1"])
    #expect(caps.probeOutcome == .notProbed(reason: "standard input or output is not a terminal"))
    #expect(caps.colorDisabled)
  }
}
