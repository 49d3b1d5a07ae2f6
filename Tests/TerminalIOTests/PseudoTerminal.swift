import Glibc
import TerminalGraphics

/// A real pseudo-terminal pair: the probe talks to the slave, a fake terminal sits on the master.
final class PseudoTerminal {
  let master: Int32
  let slave: Int32
  private var masterOpen = true

  struct SetupError: Error, CustomStringConvertible {
    var description: String
  }

  init(windowSize: WindowSize) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    guard openpty(&master, &slave, nil, nil, nil) == 0 else {
      throw SetupError(description: "openpty failed: errno \(errno)")
    }
    self.master = master
    self.slave = slave
    try setWindowSize(windowSize)
  }

  deinit {
    closeMaster()
    close(slave)
  }

  /// Sets the size the slave reports, as a terminal emulator does on resize.
  func setWindowSize(_ size: WindowSize) throws {
    var value = winsize(
      ws_row: UInt16(size.rows), ws_col: UInt16(size.columns),
      ws_xpixel: UInt16(size.pixelWidth), ws_ypixel: UInt16(size.pixelHeight))
    guard ioctl(slave, UInt(TIOCSWINSZ), &value) == 0 else {
      throw SetupError(description: "TIOCSWINSZ failed: errno \(errno)")
    }
  }

  /// The slave's complete termios as bytes, for exact before/after comparison.
  func slaveSettings() throws -> [UInt8] {
    var settings = termios()
    guard tcgetattr(slave, &settings) == 0 else {
      throw SetupError(description: "tcgetattr failed: errno \(errno)")
    }
    return withUnsafeBytes(of: &settings) { Array($0) }
  }

  func slaveTermios() throws -> termios {
    var settings = termios()
    guard tcgetattr(slave, &settings) == 0 else {
      throw SetupError(description: "tcgetattr failed: errno \(errno)")
    }
    return settings
  }

  /// Bytes waiting in the slave's input queue (`FIONREAD`).
  func pendingSlaveInput() -> Int {
    var count: Int32 = -1
    _ = ioctl(slave, UInt(FIONREAD), &count)
    return Int(count)
  }

  func writeToMaster(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Waits (bounded, as a guard, not an assertion) until `count` bytes sit in the slave's queue.
  func waitForPendingSlaveInput(_ count: Int) {
    let guardDeadline = ContinuousClock.now + .seconds(30)
    while pendingSlaveInput() < count, ContinuousClock.now < guardDeadline {
      var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
      nanosleep(&pause, nil)
    }
  }

  /// Waits (bounded, as a guard, not an assertion) until the slave has input to read.
  func waitForSlaveInput() {
    var entry = pollfd(fd: slave, events: Int16(POLLIN), revents: 0)
    _ = poll(&entry, 1, 5000)
  }

  func closeMaster() {
    if masterOpen {
      close(master)
      masterOpen = false
    }
  }
}
