import Foundation

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
    pid = try Spawn.start(Self.binary, arguments, stdout: output[1])
    close(output[1])
    let line = try Spawn.readLine(from: output[0], timeout: 60)
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
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    pid = 0
    let low = status & 0x7F
    return low == 0 ? (status >> 8) & 0xFF : 128 + low
  }

  /// Runs an admin command on the data folder; returns its stdout, trimmed.
  @discardableResult
  func admin(_ arguments: [String]) throws -> String {
    let result = try Spawn.run(Self.binary, arguments + ["--data", dataFolder])
    guard result.status == 0 else {
      throw ServerFailure(
        message:
          "annotty-server \(arguments.joined(separator: " ")): \(result.status) \(result.stderr)")
    }
    return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
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

/// posix_spawn with a clean signal mask (the test runner blocks signals in its threads).
enum Spawn {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func start(
    _ executable: String, _ arguments: [String], stdout: Int32? = nil, stderr: Int32? = nil,
    environment: [String: String]? = nil
  ) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if let stdout {
      posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    if let stderr {
      posix_spawn_file_actions_adddup2(&actions, stderr, 2)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let pairs = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let envp = pairs.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
      throw ServerFailure(message: "cannot start \(executable): error \(spawned)")
    }
    return pid
  }

  /// Runs to completion, collecting stdout and stderr.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil
  ) throws -> Result {
    let errorPath = NSTemporaryDirectory() + "annotty-spawn-\(UUID().uuidString)"
    let errorFile = open(errorPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    defer {
      close(errorFile)
      unlink(errorPath)
    }
    var output: [Int32] = [0, 0]
    guard pipe(&output) == 0 else { throw ServerFailure(message: "pipe: errno \(errno)") }
    _ = fcntl(output[0], F_SETFD, FD_CLOEXEC)
    let pid = try start(
      executable, arguments, stdout: output[1], stderr: errorFile, environment: environment)
    close(output[1])
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(output[0], &buffer, buffer.count)
      if count > 0 { bytes += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
    }
    close(output[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let stderrText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    return Result(
      status: (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
      stdout: String(decoding: bytes, as: UTF8.self), stderr: stderrText)
  }

  /// One line from a pipe, waiting at most `timeout` seconds.
  static func readLine(from descriptor: Int32, timeout: Double) throws -> String {
    var line: [UInt8] = []
    let deadline = Date().addingTimeInterval(timeout)
    var byte: UInt8 = 0
    while Date() < deadline {
      var polled = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&polled, 1, 100) > 0 else { continue }
      let count = read(descriptor, &byte, 1)
      guard count > 0 else { break }
      if byte == 0x0A { return String(decoding: line, as: UTF8.self) }
      line.append(byte)
    }
    throw ServerFailure(
      message: "no line within \(timeout) s (got \"\(String(decoding: line, as: UTF8.self))\")")
  }
}
