import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A real `annotty-server serve` on 127.0.0.1 with a random port, and its admin commands.
final class ServerProcess: @unchecked Sendable {
  let dataFolder: String
  private(set) var pid: pid_t = 0
  private(set) var port: UInt16 = 0

  static var buildDirectory: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
  }

  static var binary: String { buildDirectory.appendingPathComponent("annotty-server").path }
  static var annotty: String { buildDirectory.appendingPathComponent("annotty").path }

  init(dataFolder: String) {
    self.dataFolder = dataFolder
  }

  var url: String { "http://127.0.0.1:\(port)" }

  /// Starts the server and waits for its `listening on HOST:PORT` line.
  func start(extra: [String] = []) throws {
    var output: [Int32] = [0, 0]
    guard pipe(&output) == 0 else { throw ServerFailure(message: "pipe: errno \(errno)") }
    let arguments = ["serve", "--data", dataFolder, "--listen", "127.0.0.1:0"] + extra
    pid = try Spawner.start(Self.binary, arguments, stdout: output[1])
    close(output[1])
    let line = try Spawner.readLine(from: output[0], timeout: 60)
    // Keep draining stdout so the server never blocks on a full pipe.
    let descriptor = output[0]
    Thread {
      var buffer = [UInt8](repeating: 0, count: 4096)
      while read(descriptor, &buffer, buffer.count) > 0 {}
      close(descriptor)
    }.start()
    guard let range = line.range(of: "listening on "),
      let parsed = UInt16(line[range.upperBound...].split(separator: ":").last ?? "")
    else { throw ServerFailure(message: "the server said \"\(line)\", not where it listens") }
    port = parsed
  }

  /// Sends `signal` and waits for the process; returns its exit status (or 128 + signal).
  @discardableResult
  func stop(signal: Int32 = SIGTERM) -> Int32 {
    guard pid > 0 else { return 0 }
    kill(pid, signal)
    defer { pid = 0 }
    return Spawner.wait(pid)
  }

  /// Runs an admin command on the data folder; returns its stdout, trimmed.
  @discardableResult
  func admin(_ arguments: [String]) throws -> String {
    let result = try Spawner.run(Self.binary, arguments + ["--data", dataFolder])
    guard result.status == 0 else {
      throw ServerFailure(
        message:
          "annotty-server \(arguments.joined(separator: " ")): \(result.status) \(result.stderr)")
    }
    return String(decoding: result.stdout, as: UTF8.self).trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  /// Adds a user and returns the token it printed.
  func addUser(_ name: String, role: String, lifetime: Int? = nil) throws -> String {
    var arguments = ["user", "add", name, "--role", role]
    if let lifetime { arguments += ["--lifetime", String(lifetime)] }
    let printed = try admin(arguments)
    guard
      let token = printed.split(separator: "\n").map(String.init).last(where: {
        $0.hasPrefix("annotty_")
      })
    else { throw ServerFailure(message: "user add printed no token: \(printed)") }
    return token
  }
}

struct ServerFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
