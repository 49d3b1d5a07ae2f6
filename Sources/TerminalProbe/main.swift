// A child process for the crash-safety tests: starts a TerminalScreen on fds 0 and 1 (a pty),
// paints a line, reports "ready" on stderr, then does what its argument says.
import TUIKit
import TerminalNcurses

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a line to stderr (the test reads it from a pipe).
func report(_ line: String) {
  let bytes = Array((line + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

let action = CommandLine.arguments.dropFirst().first ?? "wait"
let screen: TerminalScreen
do {
  screen = try TerminalScreen(
    options: .init(terminalType: "xterm-256color", inputDescriptor: 0, outputDescriptor: 1))
} catch {
  report("probe: \(error)")
  exit(2)
}
var buffer = ScreenBuffer(width: 20, height: 5)
buffer.write("probe", column: 0, row: 0)
screen.present(buffer, previous: nil)
report("ready")
switch action {
case "abort":
  abort()
case "trap":
  fatalError("probe crash")
case "exit":
  exit(0)
case "stop":
  screen.stop()
  exit(0)
default:
  // Wait for a signal (SIGTERM / SIGHUP from the test).
  while true { pause() }
}
