import Glibc

extension TerminalDevice {
  /// Runs `body` with echo and line editing off and non-blocking reads (VMIN=0, VTIME=0).
  ///
  /// On every exit, errors included, unread input is flushed first, so replies arriving late
  /// never reach the screen or the shell, and then the saved settings are restored exactly.
  /// Signals from keys are off too, so Ctrl-C cannot kill the process while echo is off.
  public func withRawInput<Value>(_ body: () throws -> Value) throws -> Value {
    var saved = termios()
    guard tcgetattr(fileDescriptor, &saved) == 0 else {
      throw TerminalIOError.lastError("tcgetattr on fd \(fileDescriptor)")
    }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(ICRNL | INLCR | IGNCR | ISTRIP | IXON | BRKINT)
    withUnsafeMutableBytes(of: &raw.c_cc) { controlCharacters in
      controlCharacters[Int(VMIN)] = 0
      controlCharacters[Int(VTIME)] = 0
    }
    try setAttributes(&raw)
    defer {
      tcflush(fileDescriptor, TCIFLUSH)
      // Nothing more can be done if restoring fails; the attempt must still be made.
      try? setAttributes(&saved)
    }
    return try body()
  }

  private func setAttributes(_ attributes: inout termios) throws(TerminalIOError) {
    while tcsetattr(fileDescriptor, TCSANOW, &attributes) != 0 {
      guard errno == EINTR else { throw .lastError("tcsetattr on fd \(fileDescriptor)") }
    }
  }
}
