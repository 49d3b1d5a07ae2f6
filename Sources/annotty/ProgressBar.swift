import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar {
  private let label: String
  private let enabled = isatty(STDERR_FILENO) == 1
  private var lastDrawn = DispatchTime.now().uptimeNanoseconds
  private var drawn = false

  init(label: String) {
    self.label = label
  }

  func update(_ done: Int, of total: Int) {
    guard enabled, total > 0 else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    // Ten redraws a second are plenty and keep a fast import from waiting on the terminal.
    guard done == total || now - lastDrawn > 100_000_000 else { return }
    lastDrawn = now
    let width = 30
    let filled = width * done / total
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done)/\(total)".utf8))
    drawn = true
  }

  func finish() {
    guard drawn else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
