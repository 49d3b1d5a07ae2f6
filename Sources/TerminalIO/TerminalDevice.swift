import Glibc
import TerminalGraphics

/// A terminal file descriptor: window size, timed reads, complete writes, input flushing.
///
/// Opened from `/dev/tty` (and then closed on deinit) or wrapping a descriptor the caller owns.
public final class TerminalDevice: Sendable {
  /// The descriptor all I/O goes through.
  public let fileDescriptor: Int32
  private let closesOnDeinit: Bool

  /// Largest read per call; replies to a full probe are a few hundred bytes.
  static let readChunkSize = 4096

  /// Opens the controlling terminal (`/dev/tty`) for reading and writing.
  public static func openControllingTerminal() throws(TerminalIOError) -> TerminalDevice {
    let descriptor = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .lastError("open /dev/tty") }
    return TerminalDevice(descriptor: descriptor, closesOnDeinit: true)
  }

  /// Wraps a descriptor that stays owned (and closed) by the caller.
  public convenience init(wrapping fileDescriptor: Int32) {
    self.init(descriptor: fileDescriptor, closesOnDeinit: false)
  }

  private init(descriptor: Int32, closesOnDeinit: Bool) {
    self.fileDescriptor = descriptor
    self.closesOnDeinit = closesOnDeinit
  }

  deinit {
    if closesOnDeinit { close(fileDescriptor) }
  }

  /// Whether the descriptor refers to a usable terminal.
  public var isTerminal: Bool { isatty(fileDescriptor) == 1 }

  /// Why the descriptor cannot be used as a terminal, or nil when it can.
  public var terminalProblem: String? {
    guard isatty(fileDescriptor) != 1 else { return nil }
    let code = errno
    guard code != ENOTTY else { return "fd \(fileDescriptor) is not a terminal" }
    return "fd \(fileDescriptor) is not a usable terminal: \(String(cString: strerror(code)))"
  }

  /// Whether this is the controlling terminal of a process group other than ours.
  ///
  /// Changing its settings or writing to it from the background would stop the process (SIGTTOU).
  public var isForegroundOfAnotherProcessGroup: Bool {
    let foreground = tcgetpgrp(fileDescriptor)
    return foreground >= 0 && foreground != getpgrp()
  }

  /// Reads rows, columns and pixel sizes with `ioctl(TIOCGWINSZ)`.
  public func windowSize() throws(TerminalIOError) -> WindowSize {
    var size = winsize()
    guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 else {
      throw .lastError("ioctl(TIOCGWINSZ) on fd \(fileDescriptor)")
    }
    return WindowSize(
      rows: Int(size.ws_row), columns: Int(size.ws_col),
      pixelWidth: Int(size.ws_xpixel), pixelHeight: Int(size.ws_ypixel))
  }

  /// Writes every byte, retrying after signals and partial writes.
  public func write(_ bytes: [UInt8]) throws(TerminalIOError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(fileDescriptor, base + offset, buffer.count - offset)
      }
      if written > 0 {
        offset += written
      } else if written == 0 {
        throw TerminalIOError(
          operation: "write to fd \(fileDescriptor)", reason: "the terminal accepted nothing")
      } else if errno == EINTR {
        continue
      } else if errno == EAGAIN || errno == EWOULDBLOCK {
        try waitUntilWritable()
      } else {
        throw .lastError("write to fd \(fileDescriptor)")
      }
    }
  }

  /// Waits (bounded) for room in a non-blocking descriptor's output queue.
  private func waitUntilWritable() throws(TerminalIOError) {
    var entry = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
    let ready = poll(&entry, 1, 1000)
    if ready < 0 && errno == EINTR { return }
    guard ready > 0 else {
      throw TerminalIOError(
        operation: "write to fd \(fileDescriptor)", reason: "output stayed blocked for 1 s")
    }
  }

  /// Returns the bytes available now or arriving before `deadline`; empty once the deadline passes.
  ///
  /// Throws when the terminal hangs up, so a closed terminal never makes the caller spin.
  public func read(before deadline: ContinuousClock.Instant) throws(TerminalIOError) -> [UInt8] {
    while true {
      let remaining = ContinuousClock.now.duration(to: deadline)
      var entry = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, Self.pollMilliseconds(remaining))
      if ready < 0 {
        if errno == EINTR { continue }
        throw .lastError("poll on fd \(fileDescriptor)")
      }
      if ready == 0 {
        if remaining <= .zero { return [] }
        continue  // poll rounds to milliseconds; wait out the rest
      }
      if entry.revents & Int16(POLLNVAL) != 0 {
        throw TerminalIOError(operation: "poll on fd \(fileDescriptor)", code: EBADF)
      }
      var buffer = [UInt8](repeating: 0, count: Self.readChunkSize)
      let count = buffer.withUnsafeMutableBytes {
        Glibc.read(fileDescriptor, $0.baseAddress, $0.count)
      }
      if count > 0 { return Array(buffer.prefix(count)) }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      if count < 0 { throw .lastError("read from fd \(fileDescriptor)") }
      throw TerminalIOError(
        operation: "read from fd \(fileDescriptor)", reason: "the terminal hung up")
    }
  }

  /// Drops input that has arrived but not been read (`tcflush(TCIFLUSH)`).
  public func discardPendingInput() throws(TerminalIOError) {
    guard tcflush(fileDescriptor, TCIFLUSH) == 0 else {
      throw .lastError("tcflush on fd \(fileDescriptor)")
    }
  }

  /// Milliseconds for `poll`, rounded up so a short remainder still waits, and never negative.
  static func pollMilliseconds(_ duration: Duration) -> Int32 {
    guard duration > .zero else { return 0 }
    let (seconds, attoseconds) = duration.components
    let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: milliseconds)
  }
}
