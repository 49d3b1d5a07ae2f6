import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Starts programs the way a shell would, for tests that run annotty, annotty-server or tmux.
///
/// `posix_spawn`, not Foundation's `Process` (a tmux server started from a `Process` child dies
/// at once), with no signal blocked and default handlers: the test runner's threads block
/// signals, and a child (or the tmux server it starts) would inherit that mask.
public enum Spawner {
  /// A finished program's exit status (128 + signal when killed) and output.
  public struct Output: Sendable {
    public var status: Int32
    public var stdout: [UInt8]
    public var stderr: String
  }

  /// Why a program could not be started.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Starts `executable` with stdin from /dev/null, stdout to `stdout` (or /dev/null) and stderr
  /// to `stderr` (or inherited); returns its pid.
  public static func start(
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
    if let stderr { posix_spawn_file_actions_adddup2(&actions, stderr, 2) }
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
      throw Failure(
        description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
    }
    return pid
  }

  /// Runs to completion, collecting stdout (unless `discardOutput`: a daemon it starts, such as
  /// the tmux server, would keep a captured stdout open) and stderr.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    discardOutput: Bool = false
  ) throws -> Output {
    let errorPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-spawn-\(UUID().uuidString).err").path
    let errorFile = open(errorPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    defer {
      close(errorFile)
      unlink(errorPath)
    }
    var output: [Int32] = [0, 0]
    guard pipe(&output) == 0 else { throw Failure(description: "pipe: errno \(errno)") }
    // Close-on-exec, so children spawned meanwhile by other tests do not hold the pipe open.
    _ = fcntl(output[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(output[1], F_SETFD, FD_CLOEXEC)
    let pid: pid_t
    do {
      pid = try start(
        executable, arguments, stdout: discardOutput ? nil : output[1], stderr: errorFile,
        environment: environment)
    } catch {
      close(output[0])
      close(output[1])
      throw error
    }
    close(output[1])
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(output[0], &buffer, buffer.count)
      if count > 0 { bytes += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
    }
    close(output[0])
    let status = wait(pid)
    let errors = FileManager.default.contents(atPath: errorPath) ?? Data()
    return Output(status: status, stdout: bytes, stderr: String(decoding: errors, as: UTF8.self))
  }

  /// Waits for `pid`; its exit status, or 128 + the signal that killed it.
  public static func wait(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
  }

  /// One line from a pipe, waiting at most `timeout` seconds.
  public static func readLine(from descriptor: Int32, timeout: Double) throws -> String {
    var line: [UInt8] = []
    let deadline = Date().addingTimeInterval(timeout)
    var byte: UInt8 = 0
    while Date() < deadline {
      var polled = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&polled, 1, 100) > 0 else { continue }
      guard read(descriptor, &byte, 1) > 0 else { break }
      if byte == 0x0A { return String(decoding: line, as: UTF8.self) }
      line.append(byte)
    }
    throw Failure(
      description: "no line within \(timeout) s (got \"\(String(decoding: line, as: UTF8.self))\")")
  }
}
