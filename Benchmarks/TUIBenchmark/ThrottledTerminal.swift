import CTermShims
import Foundation

/// The far end of a pseudo-terminal that reads at a fixed byte rate (a slow SSH link), answers
/// device status requests like a terminal, and types keys.
final class ThrottledTerminal: @unchecked Sendable {
  let master: Int32
  let slave: Int32
  let bytesPerSecond: Double
  private let lock = NSLock()
  private var imageStarts: [Double] = []
  private var totalRead = 0
  private var lastRead = 0.0
  private var finished = false

  init(bytesPerSecond: Double, rows: Int, columns: Int) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    guard annotty_open_pty(&master, &slave) == 0 else {
      throw BenchmarkFailure(message: "cannot open a pseudo-terminal")
    }
    _ = annotty_set_terminal_size(master, Int32(rows), Int32(columns))
    self.master = master
    self.slave = slave
    self.bytesPerSecond = bytesPerSecond
  }

  /// Reads until `stop()`, never faster than the byte rate; answers `CSI 5 n` with `CSI 0 n`.
  func startReading() {
    let thread = Thread { [self] in readLoop() }
    thread.start()
  }

  func stop() {
    lock.withLock { finished = true }
  }

  /// Writes key bytes as a terminal would send them.
  func type(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Times (ms) at which the start of an image (`ESC P`) was read.
  var imageTimes: [Double] { lock.withLock { imageStarts } }
  var bytesRead: Int { lock.withLock { totalRead } }
  /// When the last bytes arrived (ms).
  var lastReadTime: Double { lock.withLock { lastRead } }

  private func readLoop() {
    let start = milliseconds()
    var buffer = [UInt8](repeating: 0, count: 4096)
    var tail: [UInt8] = []
    while !lock.withLock({ finished }) {
      var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 50) > 0 else { continue }
      let count = read(master, &buffer, buffer.count)
      guard count > 0 else { continue }
      let chunk = tail + buffer[0..<count]
      let now = milliseconds()
      var starts = 0
      var requests = 0
      // Matches ending in the new bytes only: the tail was scanned with the previous chunk.
      for index in 0..<chunk.count where chunk[index] == 0x1B {
        if index + 1 < chunk.count, index + 1 >= tail.count, chunk[index + 1] == 0x50 {
          starts += 1
        }
        if index + 3 < chunk.count, index + 3 >= tail.count,
          Array(chunk[(index + 1)...(index + 3)]) == [0x5B, 0x35, 0x6E]
        {
          requests += 1
        }
      }
      tail = Array(chunk.suffix(3))
      let read = lock.withLock {
        imageStarts += Array(repeating: now, count: starts)
        totalRead += count
        lastRead = now
        return totalRead
      }
      // Hold the average rate: the link has delivered `read` bytes no sooner than this.
      let due = start + Double(read) / bytesPerSecond * 1000
      if due > milliseconds() { usleep(UInt32((due - milliseconds()) * 1000)) }
      for _ in 0..<requests { type("\u{1B}[0n") }
    }
  }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
