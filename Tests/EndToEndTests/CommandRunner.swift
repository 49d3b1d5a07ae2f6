import Foundation

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

  /// Runs `executable` and collects its output. Spawned with `posix_spawn`, not Foundation's
  /// `Process`: a tmux server started from a `Process` child dies at once.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    discardOutput: Bool = false
  ) throws -> Result {
    let errorFile = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-e2e-\(UUID().uuidString).err").path
    defer { unlink(errorFile) }
    var pipeEnds: [Int32] = [0, 0]
    // Close-on-exec, so children spawned meanwhile by other tests (a tmux server that lives on)
    // do not inherit the pipe and hold it open.
    guard pipe(&pipeEnds) == 0 else { throw SpawnError(what: "pipe", code: errno) }
    _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    // A daemon (the tmux server) keeps a captured stdout open: give it /dev/null instead.
    if discardOutput {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    } else {
      posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    }
    posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addclose(&actions, pipeEnds[1])

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let pairs = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let envp = pairs.map { strdup($0) } + [nil]
    defer {
      for pointer in argv + envp { free(pointer) }
    }
    // The test runner's threads block signals; a child (and the tmux server it may start)
    // would inherit that mask, so start it with none blocked and default handlers, as a shell
    // would.
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
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    close(pipeEnds[1])
    guard spawned == 0 else {
      close(pipeEnds[0])
      throw SpawnError(what: "posix_spawn \(executable)", code: spawned)
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
      if count > 0 {
        output += buffer[0..<count]
      } else if count == 0 || errno != EINTR {
        break
      }
    }
    close(pipeEnds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    let errors = FileManager.default.contents(atPath: errorFile) ?? Data()
    return Result(
      status: exitStatus, stdout: output, stderr: String(decoding: errors, as: UTF8.self))
  }

  struct SpawnError: Error, CustomStringConvertible {
    var what: String
    var code: Int32

    var description: String { "\(what) failed: \(String(cString: strerror(code)))" }
  }
}
