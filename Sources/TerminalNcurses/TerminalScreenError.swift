/// Why the terminal screen could not start.
public enum TerminalScreenError: Error, Equatable, CustomStringConvertible {
  case cannotOpenTerminal(path: String, errno: Int32)
  case notATerminal(descriptor: Int32)
  case cannotStartCurses(terminalType: String)
  case resetSequenceTooLong(length: Int)

  public var description: String {
    switch self {
    case .cannotOpenTerminal(let path, let code): return "cannot open \(path) (errno \(code))"
    case .notATerminal(let descriptor): return "file descriptor \(descriptor) is not a terminal"
    case .cannotStartCurses(let type): return "ncurses cannot start for TERM=\(type)"
    case .resetSequenceTooLong(let length): return "reset sequence of \(length) bytes is too long"
    }
  }
}
