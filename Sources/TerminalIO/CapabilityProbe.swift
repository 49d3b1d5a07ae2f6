import Glibc
import TerminalGraphics

/// Asks the terminal what it can display, within a fixed time budget, and decides from the replies.
public enum CapabilityProbe {
  /// The whole probe's budget, both rounds together.
  public static let defaultTimeout = Duration.milliseconds(100)

  /// Probes `/dev/tty` when standard input and output are both terminals; otherwise writes nothing.
  public static func runOnControllingTerminal(
    environment: [String: String], timeout: Duration = defaultTimeout
  ) -> TerminalCapabilities {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      return notProbed("standard input or output is not a terminal", environment: environment)
    }
    let device: TerminalDevice
    do {
      device = try TerminalDevice.openControllingTerminal()
    } catch {
      return notProbed("\(error)", environment: environment)
    }
    return run(device, environment: environment, timeout: timeout)
  }

  /// Probes `device`: round 1, then (if round 1 calls for it) round 2, all within `timeout`.
  ///
  /// Never hangs: reads stop at the deadline, and a terminal that never answers yields
  /// `.timedOut` with defaults. Writes nothing when `device` is not a terminal.
  public static func run(
    _ device: TerminalDevice, environment: [String: String], timeout: Duration = defaultTimeout
  ) -> TerminalCapabilities {
    if let problem = device.terminalProblem {
      return notProbed(problem, environment: environment)
    }
    guard !device.isForegroundOfAnotherProcessGroup else {
      return notProbed(
        "running in the background; the terminal belongs to another job",
        windowSize: try? device.windowSize(), environment: environment)
    }
    let windowSize = try? device.windowSize()
    let deadline = ContinuousClock.now + timeout
    var parser = TerminalReplyParser()
    let outcome: ProbeOutcome
    do {
      outcome = try device.withRawInput {
        // A stale sentinel from an earlier probe would end round 1 before its replies arrive.
        try device.discardPendingInput()
        try device.write(CapabilityQuery.firstRound(environment: environment))
        guard try readUntil(statusReports: 1, into: &parser, from: device, deadline: deadline)
        else { return ProbeOutcome.timedOut }
        if let secondRound = CapabilityQuery.secondRound(after: parser.replies) {
          try device.write(secondRound)
          guard try readUntil(statusReports: 2, into: &parser, from: device, deadline: deadline)
          else { return ProbeOutcome.timedOut }
        }
        return ProbeOutcome.answered
      }
    } catch {
      outcome = .failed(reason: "\(error)")
    }
    return TerminalCapabilities(
      replies: parser.replies, windowSize: windowSize, environment: environment,
      probeOutcome: outcome)
  }

  /// Feeds replies to `parser` until `statusReports` sentinels have arrived (true) or time is up.
  private static func readUntil(
    statusReports: Int, into parser: inout TerminalReplyParser, from device: TerminalDevice,
    deadline: ContinuousClock.Instant
  ) throws -> Bool {
    while parser.replies.statusReports < statusReports {
      let bytes = try device.read(before: deadline)
      if bytes.isEmpty { return false }
      parser.feed(bytes)
    }
    return true
  }

  private static func notProbed(
    _ reason: String, windowSize: WindowSize? = nil, environment: [String: String]
  ) -> TerminalCapabilities {
    TerminalCapabilities(
      replies: TerminalReplies(), windowSize: windowSize, environment: environment,
      probeOutcome: .notProbed(reason: reason))
  }
}
