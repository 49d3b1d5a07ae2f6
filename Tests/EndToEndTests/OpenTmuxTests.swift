import Foundation
import Testing

/// `annotty open` as a user drives it: the real binary in tmux on the sample study, keys sent
/// one by one, the screen read back with `capture-pane`, the result read from the workspace.
@Suite(.serialized) struct OpenTmuxTests {
  @Test func drawBoxAndPolygonClassifyQuitAndFindThemInTheWorkspace() throws {
    let tmux = try #require(
      ["/usr/bin/tmux", "/usr/local/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }, "tmux is missing: Scripts/bootstrap installs it")
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-open-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let sample = root.appendingPathComponent("study").path
    let made = try CommandRunner.run(CommandRunner.annotty, ["sample", sample])
    #expect(made.status == 0, "\(made.stderr)")

    let pane = TmuxPane(tmux: tmux, socket: "annotty-open-\(getpid())")
    defer { pane.kill() }
    try pane.start(
      "env -u NO_COLOR TERM=xterm-256color '\(CommandRunner.annotty)' open '\(sample)' "
        + "2>'\(root.path)/stderr'; echo \"EXITED $?\"; sleep 60")
    try pane.waitFor("1/64", what: "the first slice")

    try pane.keys("j", "j", "j")
    try pane.waitFor("4/64", what: "three slices down")
    try pane.keys("w", "1")
    try pane.waitFor("W 80 L 40 brain", what: "the brain preset")

    // A box: Enter at the crosshair, four large steps right and down, Enter.
    try pane.keys("b", "Enter")
    try pane.keys(Array(repeating: ["S-Right", "S-Down"], count: 4).flatMap { $0 })
    try pane.keys("Enter")
    try pane.waitFor("saved hemorrhage box", what: "the box")
    try pane.keys("Escape")

    // A polygon on the next slice: three vertices, closed with Ctrl-D, labelled 3 (mass) first.
    try pane.keys("j", "3", "p", "Enter", "S-Right", "S-Right", "Enter", "S-Down", "S-Down")
    try pane.keys("Enter", "C-d")
    try pane.waitFor("saved mass polygon", what: "the polygon")
    try pane.keys("Escape")

    // The image-level question of the default schema: 1 = present.
    try pane.keys("t", "i")
    try pane.waitFor("Does this slice show", what: "the classification question")
    try pane.keys("1")
    try pane.waitFor("saved", what: "the classification")
    let screen = try pane.capture()
    #expect(screen.contains("5/64"), "\(screen)")

    try pane.keys("q")
    try pane.waitFor("EXITED 0", what: "a clean exit")
    let stderr = (try? String(contentsOfFile: "\(root.path)/stderr", encoding: .utf8)) ?? ""
    #expect(stderr.isEmpty, "\(stderr)")

    // What the workspace holds, through the JSONL export.
    let out = root.appendingPathComponent("export").path
    let exported = try CommandRunner.run(
      CommandRunner.annotty,
      ["export", "--allow-phi", "-w", sample, "--format", "jsonl", "--out", out])
    #expect(exported.status == 0, "\(exported.stderr)")
    let lines = try String(contentsOfFile: out + "/annotations.jsonl", encoding: .utf8)
      .split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(lines)")
    #expect(lines.contains { $0.contains("\"box\"") && $0.contains("hemorrhage") }, "\(lines)")
    #expect(lines.contains { $0.contains("\"polygon\"") && $0.contains("\"mass\"") }, "\(lines)")
    #expect(lines.contains { $0.contains("\"answers\":[\"present\"]") }, "\(lines)")
  }
}

extension OpenTmuxTests {
  /// An SSH drop: SIGHUP ends annotty, the terminal comes back (no image, no raw mode), and the
  /// box drawn just before is in the workspace.
  @Test func hangUpRestoresTheTerminalAndKeepsTheEdit() throws {
    let tmux = try #require(
      ["/usr/bin/tmux", "/usr/local/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }, "tmux is missing: Scripts/bootstrap installs it")
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-hup-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let sample = root.appendingPathComponent("study").path
    _ = try CommandRunner.run(CommandRunner.annotty, ["sample", sample])

    let pane = TmuxPane(tmux: tmux, socket: "annotty-hup-\(getpid())")
    defer { pane.kill() }
    try pane.start(
      "env TERM=xterm-256color '\(CommandRunner.annotty)' open '\(sample)'; "
        + "echo \"EXITED $?\"; stty -a | grep -o ' -\\?icanon'; sleep 60")
    try pane.waitFor("1/64", what: "the first slice")
    try pane.keys("b", "Enter", "S-Right", "S-Down", "Enter")
    try pane.waitFor("saved hemorrhage box", what: "the box")

    let shell = try CommandRunner.run(
      tmux, ["-L", pane.socket, "display-message", "-p", "-t", "0", "#{pane_pid}"]
    ).text.trimmingCharacters(in: .whitespacesAndNewlines)
    let annotty = try #require(
      ProcessTree.children(of: Int32(shell) ?? -1).first, "annotty is not running under \(shell)")
    kill(annotty, SIGHUP)
    try pane.waitFor("EXITED 129", what: "annotty to end on SIGHUP")
    // stty prints a moment after the echo: wait for its line before reading the screen.
    try pane.waitFor("icanon", what: "stty's report of the terminal modes")
    let screen = try pane.capture()
    #expect(!screen.contains("▀"), "the image is still on screen:\n\(screen)")
    // Canonical mode is back: stty prints "icanon", not "-icanon".
    #expect(screen.contains(" icanon") && !screen.contains("-icanon"), "\(screen)")

    let listed = try CommandRunner.run(CommandRunner.annotty, ["ls", "-w", sample])
    #expect(listed.text.contains("1 annotation"), "\(listed.text)")
  }
}

/// Child processes, read from /proc (procps may not be installed).
enum ProcessTree {
  static func children(of parent: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { Int32($0) }.filter { pid in
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return false }
      // After "pid (comm) state ppid ...".
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 1 && Int32(fields[1]) == parent
    }
  }
}

/// A detached tmux session on its own server socket.
struct TmuxPane {
  var tmux: String
  var socket: String

  func start(_ command: String) throws {
    let started = try CommandRunner.run(
      tmux,
      ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", command],
      discardOutput: true)
    guard started.status == 0 else { throw TmuxFailure(message: started.stderr) }
  }

  /// Sends keys one at a time (tmux key names). After Escape it pauses well beyond annotty's
  /// 25 ms ESC delay: an ESC read together with the next key is Alt+key, as in every terminal
  /// program, and a busy debug build may read late.
  func keys(_ names: String...) throws {
    try keys(names)
  }

  func keys(_ names: [String]) throws {
    for name in names {
      _ = try CommandRunner.run(tmux, ["-L", socket, "send-keys", "-t", "0", name])
      usleep(name == "Escape" ? 400_000 : 40_000)
    }
  }

  func capture() throws -> String {
    try CommandRunner.run(tmux, ["-L", socket, "capture-pane", "-p", "-t", "0"]).text
  }

  /// Polls the screen for `text` for up to 15 s.
  func waitFor(_ text: String, what: String) throws {
    var screen = ""
    for _ in 0..<150 {
      screen = try capture()
      if screen.contains(text) { return }
      usleep(100_000)
    }
    throw TmuxFailure(message: "waited for \(what) (\"\(text)\"); the screen shows:\n\(screen)")
  }

  func kill() {
    _ = try? CommandRunner.run(tmux, ["-L", socket, "kill-server"])
  }
}

struct TmuxFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
