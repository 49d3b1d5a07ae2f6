import Foundation
import TestSupport

/// Runs the built `annotty` binary (it sits beside the test bundle) as a user would.
enum CommandRunner {
  struct Result {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String

    var text: String { String(decoding: stdout, as: UTF8.self) }
  }

  static var buildDirectory: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
  }

  static var annotty: String { buildDirectory.appendingPathComponent("annotty").path }

  /// The repository root, found from this source file's location.
  static var repository: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  static var sampleSlice: String {
    repository.appendingPathComponent("Samples/ct-phantom-slice.dcm").path
  }

  /// Runs `executable` and collects its output (see `Spawner`).
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    discardOutput: Bool = false
  ) throws -> Result {
    let output = try Spawner.run(
      executable, arguments, environment: environment, discardOutput: discardOutput)
    return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
  }
}
