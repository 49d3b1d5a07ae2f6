import Annotations
import Foundation
import GRDB
import Testing
import Workspace

/// Issue 4's proof of crash safety: `CrashEditor` applies random edits and prints each one only
/// after its transaction committed; it is SIGKILLed at random moments, 200 times, on one
/// workspace, and after every kill the workspace must hold every printed edit, an outbox
/// mutation for each, and nothing half-written.
@Suite struct CrashSafetyTests {
  static let kills = 200

  @Test(.timeLimit(.minutes(2))) func killedEditorsLoseNothingTheyReported() throws {
    let editor = try Self.crashEditorPath()
    let folder = TemporaryFolder("crash")
    defer { folder.remove() }
    try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
    let workspacePath = (folder.path as NSString).appendingPathComponent("ws")
    let stderrPath = (folder.path as NSString).appendingPathComponent("editor.stderr")
    let seed =
      ProcessInfo.processInfo.environment["ANNOTTY_CRASH_SEED"].flatMap(UInt64.init) ?? 20_261_126
    var random = TestGenerator(state: seed)
    var checker = CrashChecker()
    let started = Date()
    var killedBeforeReady = 0

    for run in 0..<Self.kills {
      let child = try ChildProcess(
        path: editor, arguments: [workspacePath, String(seed &+ UInt64(run))],
        stderrPath: stderrPath)
      // One run in ten is killed while still opening (WAL recovery, migrations check).
      var lines: [String] = []
      var readyLine: String?
      if Int.random(in: 0..<10, using: &random) == 0 {
        killedBeforeReady += 1
        usleep(UInt32(Int.random(in: 0..<15_000, using: &random)))
      } else {
        guard let ready = child.readLine(timeout: 20), ready.hasPrefix("ready") else {
          child.killHard()
          _ = child.wait()
          Issue.record(
            "run \(run) (seed \(seed)): editor never got ready; \(Self.tail(stderrPath))")
          return
        }
        readyLine = ready
        usleep(UInt32(Int.random(in: 0..<30_000, using: &random)))
      }
      child.killHard()
      lines += child.readRemainingLines(timeout: 20)
      let status = child.wait()
      guard wasKilledBySIGKILL(status) else {
        let message =
          "run \(run) (seed \(seed)): editor ended with status \(status), not SIGKILL; "
          + Self.tail(stderrPath)
        Issue.record("\(message)")
        return
      }
      var problems = readyLine.map { checker.checkStart($0) } ?? []
      for line in lines where line.hasPrefix("edit ") {
        try checker.record(try #require(ReportedEdit(line: line), "unparsable line \(line)"))
      }
      problems += try checker.verify(workspacePath: workspacePath)
      guard problems.isEmpty else {
        let message = problems.joined(separator: "\n")
        Issue.record("after kill \(run + 1) (seed \(seed)):\n\(message)")
        return
      }
    }
    let seconds = Date().timeIntervalSince(started)
    print(
      "crash test: \(Self.kills) SIGKILLs (\(killedBeforeReady) while opening), "
        + "\(checker.reportedCount) reported edits, \(checker.unreportedCommits) committed "
        + "but unreported, \(String(format: "%.1f", seconds)) s, seed \(seed)")
    #expect(checker.reportedCount > Self.kills)
  }

  /// The CrashEditor binary built beside this test binary, or `ANNOTTY_CRASH_EDITOR`.
  static func crashEditorPath() throws -> String {
    if let path = ProcessInfo.processInfo.environment["ANNOTTY_CRASH_EDITOR"] { return path }
    let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    var folder = (me as NSString).deletingLastPathComponent
    // The test binary may sit inside an .xctest bundle folder.
    while !folder.isEmpty && folder != "/" {
      let candidate = (folder as NSString).appendingPathComponent("CrashEditor")
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = (folder as NSString).deletingLastPathComponent
    }
    throw CrashTestSetupError(
      message: "CrashEditor not found near \(me); run `swift build --product CrashEditor` "
        + "or set ANNOTTY_CRASH_EDITOR")
  }

  static func tail(_ path: String) -> String {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return "editor stderr: " + (text.isEmpty ? "(empty)" : String(text.suffix(2000)))
  }
}

struct CrashTestSetupError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// SplitMix64 for the kill schedule.
struct TestGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
    return mixed ^ (mixed >> 31)
  }
}
