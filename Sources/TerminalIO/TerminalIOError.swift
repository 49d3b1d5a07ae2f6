import Glibc

/// A failed terminal operation, with what was being done and why it failed.
public struct TerminalIOError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was being done, e.g. `open /dev/tty` or `tcsetattr on fd 5`.
  public var operation: String
  /// The `errno` value, or 0 when the failure was not a system error (e.g. a hang-up).
  public var code: Int32
  /// Why it failed, in words.
  public var reason: String

  /// A system call failure; the reason is the system's text for `code`.
  public init(operation: String, code: Int32) {
    self.operation = operation
    self.code = code
    self.reason = String(cString: strerror(code))
  }

  /// A failure that is not a system error.
  public init(operation: String, reason: String) {
    self.operation = operation
    self.code = 0
    self.reason = reason
  }

  /// Captures the current `errno` for `operation`.
  static func lastError(_ operation: String) -> TerminalIOError {
    TerminalIOError(operation: operation, code: errno)
  }

  public var description: String {
    "\(operation) failed: \(reason)" + (code == 0 ? "" : " (errno \(code))")
  }
}
