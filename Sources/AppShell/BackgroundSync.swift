import Foundation
import SyncClient

#if canImport(Glibc)
  import Glibc
#endif

/// Sync rounds in the background of `annotty open`: every `interval` seconds, or soon after an
/// edit. Results wait in a mailbox and a byte on `wakeDescriptor` tells the event loop.
public final class BackgroundSync: @unchecked Sendable {
  private let engine: SyncEngine
  private let interval: Double
  private let lock = NSLock()
  // Guarded by `lock`.
  private var results: [String] = []
  private var poked = true
  private var stopped = false
  private let pipeEnds: [Int32]

  public init(engine: SyncEngine, interval: Double = 15) {
    self.engine = engine
    self.interval = interval
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
    }
    pipeEnds = ends
  }

  deinit {
    for end in pipeEnds where end >= 0 { close(end) }
  }

  /// Readable when a round has ended.
  public var wakeDescriptor: Int32 { pipeEnds[0] }

  /// Starts the rounds.
  public func start() {
    Task.detached { [self] in await loop() }
  }

  public func stop() {
    lock.withLock { stopped = true }
  }

  /// Asks for a round soon (an edit was committed, or `:sync`).
  public func poke() {
    lock.withLock { poked = true }
  }

  /// The status lines of the rounds that ended since the last call, oldest first.
  public func takeResults() -> [String] {
    var byte: UInt8 = 0
    while read(pipeEnds[0], &byte, 1) > 0 {}
    return lock.withLock {
      defer { results.removeAll() }
      return results
    }
  }

  private func loop() async {
    var waited = 0.0
    while !lock.withLock({ stopped }) {
      let due = lock.withLock { () -> Bool in
        guard poked || waited >= interval else { return false }
        poked = false
        return true
      }
      guard due else {
        try? await Task.sleep(nanoseconds: 250_000_000)
        waited += 0.25
        continue
      }
      waited = 0
      let status: String
      do {
        let report = try await engine.run()
        status = report.pending > 0 ? "\(report.pending) to push" : "synced"
      } catch let error as SyncError {
        status = error.isTransient ? "offline" : "sync failed: \(error)"
      } catch {
        status = "sync failed: \(error)"
      }
      lock.withLock { results.append(status) }
      var byte: UInt8 = 1
      _ = write(pipeEnds[1], &byte, 1)
    }
  }
}
