import Foundation
import Testing

/// `annotty show` inside a real tmux (3.3a on Debian 12 swallows sixel): it must choose
/// half-blocks by asking, and leave no reply bytes on the screen.
@Suite(.serialized) struct TmuxTests {
  @Test func insideTmuxShowsHalfBlocksNotGarbage() throws {
    let tmux = try #require(
      ["/usr/bin/tmux", "/usr/local/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }, "tmux is missing: Scripts/bootstrap installs it")
    let socket = "annotty-test-\(getpid())"
    defer { _ = try? CommandRunner.run(tmux, ["-L", socket, "kill-server"]) }
    let command =
      "env -u NO_COLOR TERM=xterm-256color '\(CommandRunner.annotty)' show '\(CommandRunner.sampleSlice)' --cols 40 --verbose 2>/tmp/\(socket).log; echo DONE; sleep 30"
    let started = try CommandRunner.run(
      tmux,
      ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "100", "-y", "40", command],
      discardOutput: true)
    #expect(started.status == 0, "\(started.stderr)")
    var screen = ""
    var captureErrors = ""
    for _ in 0..<100 {
      let capture = try CommandRunner.run(
        tmux, ["-L", socket, "capture-pane", "-p", "-t", "0"])
      screen = capture.text
      captureErrors = capture.stderr
      if screen.contains("DONE") { break }
      usleep(100_000)
    }
    let log = (try? String(contentsOfFile: "/tmp/\(socket).log", encoding: .utf8)) ?? ""
    try? FileManager.default.removeItem(atPath: "/tmp/\(socket).log")
    #expect(screen.contains("DONE"), "annotty did not finish: \(screen) \(captureErrors)")
    #expect(log.contains("blocks"), "\(log)")
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    let blockRows = lines.filter { $0.contains("▀") }
    #expect(blockRows.count == 20, "\(screen)")
    // Nothing but the picture and the marker: no reply bytes such as "?1;2c" or "0n" echoed.
    let text = lines.filter { !$0.contains("▀") }.joined().trimmingCharacters(in: .whitespaces)
    #expect(text == "DONE", "\(screen)")
    // A kitty query (APC) would have become the pane title.
    let title = try CommandRunner.run(
      tmux, ["-L", socket, "display-message", "-p", "-t", "0", "#{pane_title}"]
    ).text
    #expect(!title.contains("Ga=q"), "pane title: \(title)")
  }
}
