import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A child process with the screen on a pty crashes or is told to end; the pty must come back.
@Suite(.serialized)
struct CrashRestoreTests {
  /// How the child ends and the wait status we expect from it.
  enum Ending: String, CaseIterable {
    case abort, trap, exit, stop, sigterm, sighup, sigint
  }

  @Test(arguments: Ending.allCases)
  func terminalIsRestored(_ ending: Ending) throws {
    let pty = try PseudoTerminal(rows: 10, columns: 40)
    let before = pty.modes()
    let argument =
      ["abort", "trap", "exit", "stop"].contains(ending.rawValue) ? ending.rawValue : "wait"
    let child = try Probe(arguments: [argument], pty: pty)
    #expect(child.waitForReady(), "probe did not start")
    var output = pty.readAll()
    switch ending {
    case .sigterm: kill(child.pid, SIGTERM)
    case .sighup: kill(child.pid, SIGHUP)
    case .sigint: kill(child.pid, SIGINT)
    default: break
    }
    let status = child.waitForExit()
    output += pty.readAll(timeout: 300)
    let text = String(decoding: output, as: UTF8.self)
    #expect(text.contains("probe"))
    #expect(sameModes(before, pty.modes()), "termios not restored after \(ending)")
    #expect(text.contains("\u{1B}[?25h"), "cursor not shown after \(ending)")
    #expect(text.contains("\u{1B}[?1049l"), "alternate screen not left after \(ending)")
    let signal = status & 0x7F
    switch ending {
    case .abort: #expect(signal == SIGABRT)
    case .trap: #expect(signal == SIGILL || signal == SIGTRAP)
    case .exit, .stop: #expect(status == 0)
    case .sigterm: #expect(signal == SIGTERM)
    case .sighup: #expect(signal == SIGHUP)
    case .sigint: #expect(signal == SIGINT)
    }
  }
}

/// The TerminalProbe executable running on a pty, its stderr on a pipe.
struct Probe {
  let pid: pid_t
  let errorPipe: Int32

  init(arguments: [String], pty: PseudoTerminal) throws {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw PseudoTerminalError.cannotOpen }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pty.slave, 0)
    posix_spawn_file_actions_adddup2(&actions, pty.slave, 1)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
    let path = Self.executablePath()
    let argv = cStrings([path] + arguments)
    // No Swift backtracer in the child: it would wait for a key on the tty.
    let environment = cStrings(["SWIFT_BACKTRACE=enable=no", "TERM=xterm-256color"])
    defer {
      for pointer in argv { free(pointer) }
      for pointer in environment { free(pointer) }
    }
    // The test thread blocks most signals and posix_spawn would pass that mask on.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, environment)
    close(pipeEnds[1])
    guard result == 0 else { throw PseudoTerminalError.cannotOpen }
    self.pid = pid
    errorPipe = pipeEnds[0]
  }

  /// Waits (up to 10 s) for the probe's "ready" line on stderr.
  func waitForReady() -> Bool {
    var seen: [UInt8] = []
    var request = pollfd(fd: errorPipe, events: Int16(POLLIN), revents: 0)
    while poll(&request, 1, 10_000) > 0 {
      var buffer = [UInt8](repeating: 0, count: 256)
      let count = read(errorPipe, &buffer, buffer.count)
      guard count > 0 else { return false }
      seen += buffer[0..<count]
      if String(decoding: seen, as: UTF8.self).contains("ready") { return true }
    }
    return false
  }

  /// The raw wait status.
  func waitForExit() -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    close(errorPipe)
    return status
  }

  /// TerminalProbe sits beside the test bundle in the build folder.
  static func executablePath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let runner = String(
      decoding: buffer[0..<max(0, length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let folder = runner.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    return folder + "/TerminalProbe"
  }
}

/// A NULL-terminated array of C strings for posix_spawn (freed by the caller).
private func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] {
  var result: [UnsafeMutablePointer<CChar>?] = []
  for string in strings { result.append(string.withCString { strdup($0) }) }
  result.append(nil)
  return result
}
