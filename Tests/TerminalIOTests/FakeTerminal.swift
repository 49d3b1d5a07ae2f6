import Foundation
import Glibc
import Synchronization

/// A terminal emulator stand-in on a pty master, answering queries like a recorded terminal did.
///
/// It runs on its own thread (not the test's task pool) so a blocked probe cannot starve it.
final class FakeTerminal: Sendable {
  /// Replies by the exact query sequence; queries not listed get no reply.
  let answers: [String: String]
  /// Writes each reply one byte at a time, to exercise reassembly across reads.
  let answersByteByByte: Bool
  private let master: Int32
  private let state = Mutex(State())
  private let finished = DispatchSemaphore(value: 0)

  private struct State {
    var received: [UInt8] = []
    var stopRequested = false
  }

  /// Closes `master` (which it then owns) as soon as the probe writes, like a closed window.
  let hangsUpOnFirstQuery: Bool

  init(
    master: Int32, answers: [String: String], answersByteByByte: Bool = false,
    hangsUpOnFirstQuery: Bool = false
  ) {
    self.master = master
    self.answers = answers
    self.answersByteByByte = answersByteByByte
    self.hangsUpOnFirstQuery = hangsUpOnFirstQuery
  }

  func start() {
    let thread = Thread { [self] in
      serve()
      finished.signal()
    }
    thread.start()
  }

  /// Stops serving once `expectedCount` bytes arrived (bounded wait) and returns every byte received.
  ///
  /// Bytes written to the slave reach the master asynchronously, so a test that compares what
  /// was written names how many bytes it expects instead of relying on timing.
  func stop(afterReceiving expectedCount: Int = 0) -> [UInt8] {
    let guardDeadline = ContinuousClock.now + .seconds(30)
    while state.withLock({ $0.received.count }) < expectedCount, ContinuousClock.now < guardDeadline
    {
      Thread.sleep(forTimeInterval: 0.001)
    }
    state.withLock { $0.stopRequested = true }
    finished.wait()
    return state.withLock { $0.received }
  }

  private func serve() {
    var pending: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !state.withLock({ $0.stopRequested }) {
      var entry = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, 5) > 0 else { continue }
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      guard count > 0 else { continue }
      let bytes = buffer.prefix(count)
      state.withLock { $0.received += bytes }
      if hangsUpOnFirstQuery {
        close(master)
        return
      }
      pending += bytes
      for query in Self.takeCompleteSequences(&pending) {
        if let reply = answers[String(decoding: query, as: UTF8.self)] { send(Array(reply.utf8)) }
      }
    }
  }

  private func send(_ reply: [UInt8]) {
    let pieces = answersByteByByte ? reply.map { [$0] } : [reply]
    for piece in pieces {
      _ = piece.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }
  }

  /// Splits off complete `ESC [ ... final` and `ESC _ ... ESC \` sequences, keeping a partial tail.
  private static func takeCompleteSequences(_ pending: inout [UInt8]) -> [[UInt8]] {
    var sequences: [[UInt8]] = []
    var index = 0
    while index < pending.count {
      if pending[index] != 0x1B {
        index += 1
        continue
      }
      guard index + 1 < pending.count else { break }
      var end: Int?
      if pending[index + 1] == UInt8(ascii: "[") {
        end = pending[(index + 2)...].firstIndex { (0x40...0x7E).contains($0) }
      } else if pending[index + 1] == UInt8(ascii: "_") {
        var position = index + 2
        while position + 1 < pending.count {
          if pending[position] == 0x1B && pending[position + 1] == UInt8(ascii: "\\") {
            end = position + 1
            break
          }
          position += 1
        }
      } else {
        index += 1
        continue
      }
      guard let end else { break }
      sequences.append(Array(pending[index...end]))
      index = end + 1
    }
    pending.removeFirst(index)
    return sequences
  }
}
