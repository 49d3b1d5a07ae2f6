import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process started with `posix_spawn`, its stdout on a pipe and stderr in a file.
///
/// Foundation's `Process` is avoided: its Linux implementation has had races around
/// termination, and the crash test needs an exact SIGKILL of a known pid.
final class ChildProcess {
  let pid: pid_t
  private let output: Int32
  private var buffered: [UInt8] = []
  private(set) var reachedEnd = false

  enum Failure: Error, CustomStringConvertible {
    case spawn(path: String, code: Int32)
    case pipeCreation(code: Int32)

    var description: String {
      switch self {
      case .spawn(let path, let code):
        return "posix_spawn \(path) failed: \(String(cString: strerror(code)))"
      case .pipeCreation(let code): return "pipe failed: \(String(cString: strerror(code)))"
      }
    }
  }

  init(path: String, arguments: [String], stderrPath: String) throws {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw Failure.pipeCreation(code: errno) }
    // Close-on-exec, so other children never hold our pipe open (dup2 clears it on fd 1).
    _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_addopen(
      &actions, 2, stderrPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var child: pid_t = 0
    let code = posix_spawn(&child, path, &actions, nil, argv, environ)
    close(fds[1])
    guard code == 0 else {
      close(fds[0])
      throw Failure.spawn(path: path, code: code)
    }
    pid = child
    output = fds[0]
  }

  deinit {
    close(output)
  }

  /// The next complete stdout line, or nil at end of output or after `timeout` seconds.
  func readLine(timeout: Double) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffered[..<newline], as: UTF8.self)
        buffered.removeSubrange(...newline)
        return line
      }
      if reachedEnd { return nil }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else { return nil }
      var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(remaining * 1000, 1000)) + 1)
      if ready < 0 && errno != EINTR { reachedEnd = true }
      if ready > 0 { fill() }
    }
  }

  /// All remaining complete lines until the child's stdout closes; a trailing partial line
  /// (impossible for writes under PIPE_BUF) is dropped.
  func readRemainingLines(timeout: Double) -> [String] {
    var lines: [String] = []
    while let line = readLine(timeout: timeout) { lines.append(line) }
    return lines
  }

  /// Sends SIGKILL.
  func killHard() {
    sendSIGKILL(pid)
  }

  /// Waits for the child and returns its raw wait status.
  func wait() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return status
  }

  private func fill() {
    var chunk = [UInt8](repeating: 0, count: 65_536)
    let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
    if count > 0 {
      buffered.append(contentsOf: chunk[..<count])
    } else if count == 0 || errno != EINTR {
      reachedEnd = true
    }
  }
}

private func sendSIGKILL(_ pid: pid_t) {
  _ = kill(pid, SIGKILL)
}

/// Whether a wait status says "killed by SIGKILL".
func wasKilledBySIGKILL(_ status: Int32) -> Bool {
  // WIFSIGNALED / WTERMSIG are macros Swift does not import.
  let signal = status & 0x7f
  return signal != 0 && signal != 0x7f && signal == SIGKILL
}
