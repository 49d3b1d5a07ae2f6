// Commit latency of annotation edits in a fresh workspace: each measured call is one durable
// transaction (annotation row + history + outbox, synchronous = FULL).
//
// Usage: StoreBenchmark [EDITS (default 2000)] [WORKSPACE (default a new temporary folder)]

import Annotations
import Foundation
import Workspace

let arguments = CommandLine.arguments
let editCount = arguments.count > 1 ? max(10, Int(arguments[1]) ?? 2000) : 2000
let folder =
  arguments.count > 2
  ? arguments[2]
  : (NSTemporaryDirectory() as NSString).appendingPathComponent(
    "annotty-bench-\(UUID().uuidString)")
let removeAfterwards = arguments.count <= 2

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
  sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
}

do {
  let workspace = try Workspace(folderPath: folder)
  defer { if removeAfterwards { try? FileManager.default.removeItem(atPath: folder) } }
  let store = workspace.annotations
  var generator = SystemRandomNumberGenerator()
  var live: [Annotation] = []
  var latencies: [Double] = []
  latencies.reserveCapacity(editCount)
  let clock = ContinuousClock()

  for index in 0..<editCount {
    let roll = Int.random(in: 0..<100, using: &generator)
    let now = WorkspaceClock.now()
    let started = clock.now
    let committed: CommittedEdit?
    if live.count < 50 || roll < 20 {
      let box = BoundingBox(
        x: Double(index % 400), y: Double(index % 300), width: 20.5, height: 12.25)
      committed = try store.apply(
        .add(
          Annotation(
            id: Annotation.makeID(using: &generator), label: "nodule", shape: .box(box),
            target: .image(
              ImageReference(
                studyInstanceUID: "2.25.1", seriesInstanceUID: "2.25.1.1",
                sopInstanceUID: "2.25.1.1.\(index % 64)")),
            author: "bench", createdAt: now)))
    } else if roll < 75 {
      let position = Int.random(in: 0..<live.count, using: &generator)
      var after = live[position]
      after.shape = .polygon(
        (0..<8).map { ImagePoint(x: Double($0 * 3 + index % 50), y: Double($0 * 5)) })
      after.updatedAt = now
      committed = try store.apply(.update(before: live[position], after: after))
    } else if roll < 85 {
      committed = try store.apply(.delete(live[Int.random(in: 0..<live.count, using: &generator)]))
    } else if roll < 95 {
      committed = try store.undo()
    } else {
      committed = try store.redo()
    }
    let elapsed = clock.now - started
    latencies.append(
      Double(elapsed.components.seconds) * 1000
        + Double(elapsed.components.attoseconds) / 1e15)
    if let committed {
      live.removeAll { $0.id == committed.stored.annotation.id }
      if !committed.stored.isDeleted { live.append(committed.stored.annotation) }
    }
  }

  let sorted = latencies.sorted()
  let mean = latencies.reduce(0, +) / Double(latencies.count)
  print(
    "annotation commit latency, \(editCount) edits (add/update/delete/undo/redo), "
      + "synchronous=\(try workspace.synchronousLevel()) (2 = FULL), WAL")
  print(
    String(
      format: "p50 %.3f ms  p99 %.3f ms  max %.3f ms  mean %.3f ms  (%.0f commits/s)",
      percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.last ?? 0, mean, 1000 / mean))
  print("outbox rows: \(try store.pendingMutations(limit: Int.max).count)")
} catch {
  FileHandle.standardError.write(Data("StoreBenchmark: \(error)\n".utf8))
  exit(1)
}
