import Annotations
import Foundation
import TUIKit
import TerminalNcurses
import Workspace

#if canImport(Glibc)
  import Glibc
#endif

/// The event loop of `annotty open` on a real terminal: reads keys and replies, feeds the
/// session, and writes what it returns through ncurses (text) and raw writes (images).
public enum TerminalLoop {
  /// How long a lone ESC waits for the rest of a sequence.
  static let escapeDelay = 0.025
  /// How long a half-typed key sequence (`w`) waits for its next key.
  static let sequenceTimeout = 1.5

  /// Runs until the user quits or SIGHUP/SIGTERM/SIGINT arrives; returns the signal, if any.
  @discardableResult
  public static func run(
    _ session: Session, screen: TerminalScreen, sync: BackgroundSync? = nil
  ) -> Int32? {
    sync?.start()
    defer { sync?.stop() }
    var parser = TerminalInputParser()
    let size = screen.size()
    session.resize(columns: size.columns, rows: size.rows, now: WorkspaceClock.now())
    session.start(now: WorkspaceClock.now())
    write(session.output(clock: monotonic()), to: screen)
    var lastKeyAt = monotonic()
    var buffer = [UInt8](repeating: 0, count: 8192)
    while !session.isFinished {
      if let signal = TerminalScreen.takePendingTermination() { return signal }
      // Whether anything but idle work (prefetching, encoding ahead) happened this turn.
      var changed = false
      if TerminalScreen.takeResize() {
        changed = true
        let size = screen.size()
        session.resize(columns: size.columns, rows: size.rows, now: WorkspaceClock.now())
      }
      var timeout = -1.0
      if parser.hasPendingInput { timeout = escapeDelay }
      if session.hasPendingKeys { timeout = min(positive(timeout), sequenceTimeout) }
      if session.isWaitingForTerminal {
        timeout = min(positive(timeout), Session.readinessTimeout)
      }
      if let tick = session.nextTickAt {
        timeout = min(positive(timeout), max(0, tick - monotonic()))
      }
      if session.hasIdleWork { timeout = 0 }
      let readable = waitForInput(
        screen.inputDescriptor, also: sync?.wakeDescriptor ?? -1, timeout: timeout)
      if let sync {
        for status in sync.takeResults() {
          changed = true
          session.syncFinished(status: status, now: WorkspaceClock.now())
        }
      }
      var didIdleWork = false
      if readable {
        changed = true
        let count = read(screen.inputDescriptor, &buffer, buffer.count)
        if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) { return SIGHUP }
        if count > 0 {
          for event in parser.feed(buffer[0..<count]) {
            session.handle(event, now: WorkspaceClock.now())
          }
          lastKeyAt = monotonic()
        }
      } else {
        if parser.hasPendingInput, monotonic() - lastKeyAt >= escapeDelay {
          changed = true
          for event in parser.flush() { session.handle(event, now: WorkspaceClock.now()) }
        }
        if session.hasPendingKeys, monotonic() - lastKeyAt >= sequenceTimeout {
          changed = true
          session.resetPendingKeys()
        }
        didIdleWork = session.doIdleWork()
      }
      if session.tickIfDue(clock: monotonic(), now: WorkspaceClock.now()) { changed = true }
      if session.takeSyncRequest() { sync?.poke() }
      // Idle work changes nothing on screen: no need to lay out and diff the screen for it.
      if didIdleWork && !changed { continue }
      write(session.output(clock: monotonic()), to: screen)
    }
    return nil
  }

  private static func write(_ output: SessionOutput, to screen: TerminalScreen) {
    screen.present(output.screen, previous: output.previous)
    if !output.graphics.isEmpty || output.requestsReadiness {
      screen.writeGraphics(
        output.graphics.map { ($0.bytes, $0.row, $0.column) },
        trailer: output.requestsReadiness ? Session.statusRequest : [])
    }
    screen.placeCursor(row: output.cursor?.row, column: output.cursor?.column)
  }

  private static func positive(_ timeout: Double) -> Double {
    timeout < 0 ? .infinity : timeout
  }

  /// Waits for input or a signal's wake-up; true when the input descriptor is readable.
  /// Waits for input, a signal's wake-up or `also` (the background sync); true when the input
  /// descriptor is readable.
  private static func waitForInput(_ descriptor: Int32, also: Int32, timeout: Double) -> Bool {
    var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
    let wake = TerminalScreen.wakeDescriptor
    if wake >= 0 { descriptors.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
    if also >= 0 { descriptors.append(pollfd(fd: also, events: Int16(POLLIN), revents: 0)) }
    let milliseconds = timeout.isInfinite ? -1 : Int32(min(timeout * 1000, 60_000).rounded(.up))
    let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
    guard ready > 0 else { return false }
    if wake >= 0, descriptors[1].revents != 0 { TerminalScreen.drainWakeDescriptor() }
    return descriptors[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0
  }

  static func monotonic() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
