import Glibc
import TerminalGraphics
import Testing

@testable import TerminalIO

@Suite(.serialized) struct TerminalDeviceTests {
  @Test func windowSizeIsWhatTheTerminalWasSetTo() throws {
    let size = WindowSize(rows: 45, columns: 120, pixelWidth: 964, pixelHeight: 769)
    let pty = try PseudoTerminal(windowSize: size)
    #expect(try TerminalDevice(wrapping: pty.slave).windowSize() == size)
    let resized = WindowSize(rows: 30, columns: 100, pixelWidth: 0, pixelHeight: 0)
    try pty.setWindowSize(resized)
    #expect(try TerminalDevice(wrapping: pty.slave).windowSize() == resized)
  }

  @Test func windowSizeOfAPipeIsAnErrorWithContext() throws {
    var ends: [Int32] = [-1, -1]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }
    let device = TerminalDevice(wrapping: ends[0])
    #expect(!device.isTerminal)
    #expect {
      try device.windowSize()
    } throws: { error in
      "\(error)".contains("TIOCGWINSZ") && (error as? TerminalIOError)?.code == ENOTTY
    }
  }

  @Test func rawInputTurnsOffEchoAndLineEditingThenRestores() throws {
    let pty = try PseudoTerminal(
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0))
    let device = TerminalDevice(wrapping: pty.slave)
    let before = try pty.slaveSettings()
    try device.withRawInput {
      let raw = try pty.slaveTermios()
      #expect(raw.c_lflag & tcflag_t(ECHO) == 0)
      #expect(raw.c_lflag & tcflag_t(ICANON) == 0)
      #expect(raw.c_lflag & tcflag_t(ISIG) == 0)
      let (minimum, time) = withUnsafeBytes(of: raw.c_cc) { ($0[Int(VMIN)], $0[Int(VTIME)]) }
      #expect(minimum == 0 && time == 0)
    }
    #expect(try pty.slaveSettings() == before)
  }

  @Test func settingsAreRestoredWhenTheBodyThrows() throws {
    struct Interrupted: Error {}
    let pty = try PseudoTerminal(
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0))
    let before = try pty.slaveSettings()
    #expect(throws: Interrupted.self) {
      try TerminalDevice(wrapping: pty.slave).withRawInput { throw Interrupted() }
    }
    #expect(try pty.slaveSettings() == before)
  }

  @Test func lateInputIsFlushedBeforeSettingsAreRestored() throws {
    let pty = try PseudoTerminal(
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0))
    try TerminalDevice(wrapping: pty.slave).withRawInput {
      pty.writeToMaster("\(csi)?1;0;256S\(csi)0n")
      pty.waitForSlaveInput()
      #expect(pty.pendingSlaveInput() > 0)
    }
    #expect(pty.pendingSlaveInput() == 0)
  }

  @Test func discardPendingInputEmptiesTheQueue() throws {
    let pty = try PseudoTerminal(
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0))
    let device = TerminalDevice(wrapping: pty.slave)
    try device.withRawInput {
      pty.writeToMaster("typed ahead")
      pty.waitForSlaveInput()
      try device.discardPendingInput()
      #expect(try device.read(before: .now) == [])
    }
  }

  @Test func readReturnsWhatArrivesAndEmptyAtTheDeadline() throws {
    let pty = try PseudoTerminal(
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0))
    let device = TerminalDevice(wrapping: pty.slave)
    try device.withRawInput {
      #expect(try device.read(before: .now + .milliseconds(10)) == [])
      pty.writeToMaster("\(csi)0n")
      var received: [UInt8] = []
      let deadline = ContinuousClock.now + .seconds(10)
      while received.count < 4, ContinuousClock.now < deadline {
        received += try device.read(before: deadline)
      }
      #expect(received == Array("\(csi)0n".utf8))
    }
  }

  @Test func readAfterHangUpThrowsInsteadOfSpinning() throws {
    let pty = try PseudoTerminal(
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0))
    pty.closeMaster()
    let device = TerminalDevice(wrapping: pty.slave)
    #expect(throws: TerminalIOError.self) { try device.read(before: .now + .seconds(10)) }
  }

  @Test func largeWritesArriveWhole() throws {
    let pty = try PseudoTerminal(
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0))
    // Far more than the pty buffer holds, so writes are partial and must be resumed.
    let payload = (0..<300_000).map { UInt8(ascii: "A") + UInt8($0 % 26) }
    let fake = FakeTerminal(master: pty.master, answers: [:])
    fake.start()
    try TerminalDevice(wrapping: pty.slave).write(payload)
    let received = fake.stop(afterReceiving: payload.count)
    #expect(received.count == payload.count)
    #expect(received == payload)
  }

  @Test func pollTimeoutRoundsUp() {
    #expect(TerminalDevice.pollMilliseconds(.zero) == 0)
    #expect(TerminalDevice.pollMilliseconds(.milliseconds(-5)) == 0)
    #expect(TerminalDevice.pollMilliseconds(.microseconds(1)) == 1)
    #expect(TerminalDevice.pollMilliseconds(.milliseconds(100)) == 100)
    #expect(TerminalDevice.pollMilliseconds(.seconds(1e12)) == Int32.max)
  }
}
