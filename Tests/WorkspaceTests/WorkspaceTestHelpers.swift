import Annotations
import Foundation
import Workspace

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct TemporaryFolder {
  let path: String

  init(_ name: String) {
    path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "annotty-\(name)-\(UUID().uuidString)")
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// A clock that returns fixed, increasing instants: one second per call from 2026-03-01.
final class SteppingClock: @unchecked Sendable {
  private let start = Timestamp(year: 2026, month: 3, day: 1)!.millisecondsSinceEpoch
  // Guarded by `lock`.
  private var ticks: Int64 = 0
  private let lock = NSLock()

  func now() -> Timestamp {
    lock.lock()
    defer { lock.unlock() }
    ticks += 1
    return Timestamp(millisecondsSinceEpoch: start + ticks * 1000)
  }

  /// The instant the `tick`-th call returned.
  func instant(_ tick: Int64) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: start + tick * 1000)
  }
}

enum Samples {
  static let created = Timestamp(year: 2026, month: 2, day: 1, hour: 9)!

  static func image(_ sop: String = "2.25.9.1.1", frame: Int = 1) -> AnnotationTarget {
    .image(
      ImageReference(
        studyInstanceUID: "2.25.9", seriesInstanceUID: "2.25.9.1", sopInstanceUID: sop,
        frame: frame))
  }

  static func box(
    id: String = "00000000-0000-4000-8000-000000000001", label: String = "nodule",
    x: Double = 10, target: AnnotationTarget = image()
  ) -> Annotation {
    Annotation(
      id: id, label: label, shape: .box(BoundingBox(x: x, y: 20, width: 30, height: 40)),
      target: target, author: "reader1", createdAt: created)
  }
}
