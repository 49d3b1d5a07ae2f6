import Annotations
import Foundation
import SyncClient
import SyncProtocol
import Workspace

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

// annotty-server on loopback, in one run, release builds:
//   1. push 10,000 mutations from one workspace (20 batches of 500);
//   2. pull 100,000 changes from zero into a fresh workspace (100 pages of 1,000);
//   3. 50 clients at once, 200 mutations each, pushing and pulling;
// against the anchor: bare authenticated requests (GET /v1/whoami) on the same server, which is
// what the HTTP stack and the token check cost before any sync work.
// Usage: SyncBenchmark [--server PATH] [--changes N]

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}
let binaryFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
  .deletingLastPathComponent()
let serverBinary = option("--server") ?? binaryFolder.appendingPathComponent("annotty-server").path
let pullTotal = option("--changes").flatMap(Int.init) ?? 100_000

let root = NSTemporaryDirectory() + "annotty-sync-benchmark-\(getpid())"
try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: root) }
let server = try BenchmarkServer(binary: serverBinary, data: root + "/server")
defer { server.stop() }
try server.admin(["project", "create", "bench"])
let adminToken = try server.addUser("admin", role: "admin")
let base = URL(string: "http://127.0.0.1:\(server.port)")!

func engine(_ workspace: Workspace, project: String = "bench", token: String = adminToken) throws
  -> SyncEngine
{
  try workspace.sync.configure(serverURL: base.absoluteString, project: project)
  guard
    let engine = SyncEngine.connecting(
      workspace, server: base.absoluteString, token: token, timeout: 120)
  else { throw BenchmarkFailure(message: "not a server address: \(base)") }
  return engine
}

func fill(_ workspace: Workspace, count: Int, author: String) throws {
  // In one transaction: the edits themselves are not what is measured.
  try workspace.annotations.applyAll(
    (0..<count).map { index in
      .add(
        Annotation(
          id: Annotation.makeID(), label: "hemorrhage",
          shape: .box(BoundingBox(x: Double(index % 400), y: 10, width: 20, height: 20)),
          target: .image(
            ImageReference(
              studyInstanceUID: "2.25.1", seriesInstanceUID: "2.25.1.1",
              sopInstanceUID: "2.25.1.1.\(index % 64)")),
          author: author, createdAt: Timestamp(millisecondsSinceEpoch: 1_780_000_000_000)))
    })
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
  let start = Date()
  try await body()
  return Date().timeIntervalSince(start)
}

// Anchor: authenticated no-op requests, one at a time.
let transport = HTTPTransport(baseURL: base, token: adminToken, timeout: 30)
let anchorCount = 500
let anchorTime = try await seconds {
  for _ in 0..<anchorCount { _ = try await transport.whoami() }
}
let requestsPerSecond = Double(anchorCount) / anchorTime

// 1. Push 10,000 (the round then pulls them back; only the push is timed here).
let pusher = try Workspace(folderPath: root + "/pusher")
try fill(pusher, count: 10_000, author: "admin")
let pushReport = try await engine(pusher).run()
let pushTime = pushReport.pushSeconds

// 2. Pull N from zero: the same workspace first pushes the rest, 10,000 at a time.
var remaining = pullTotal - 10_000
while remaining > 0 {
  let batch = min(remaining, 10_000)
  try fill(pusher, count: batch, author: "admin")
  _ = try await engine(pusher).run()
  remaining -= batch
}
let puller = try Workspace(folderPath: root + "/puller")
var pullReport = SyncReport()
let pullTime = try await seconds { pullReport = try await engine(puller).run() }

// 3. Fifty clients at once, in a project of their own: each pushes 200 and pulls what the
// others pushed by then.
try server.admin(["project", "create", "crowd"])
var crowd: [SyncEngine] = []
for index in 0..<50 {
  let workspace = try Workspace(folderPath: root + "/client\(index)")
  try fill(workspace, count: 200, author: "admin")
  crowd.append(try engine(workspace, project: "crowd"))
}
var crowdPulled = 0
let crowdTime = try await seconds {
  crowdPulled = try await withThrowingTaskGroup(of: SyncReport.self) { group in
    for client in crowd { group.addTask { try await client.run() } }
    var pulled = 0
    for try await report in group {
      guard report.pending == 0 else {
        throw BenchmarkFailure(message: "a client kept \(report.pending) mutations")
      }
      pulled += report.pulled
    }
    return pulled
  }
}

func rate(_ count: Double, _ time: Double) -> String {
  String(format: "%.0f/s", count / time)
}
print("annotty-server on 127.0.0.1 (SQLite, synchronous=FULL), one run")
print("")
print("| measurement | count | time | rate | vs bare requests |")
print("|---|---:|---:|---:|---:|")
print(
  "| bare authenticated requests (anchor) | \(anchorCount) | \(String(format: "%.2f s", anchorTime)) "
    + "| \(rate(Double(anchorCount), anchorTime)) | 1x |")
print(
  "| push, 500 per request | \(pushReport.applied) | \(String(format: "%.2f s", pushTime)) "
    + "| \(rate(Double(pushReport.applied), pushTime)) "
    + "| \(String(format: "%.1fx", Double(pushReport.applied) / pushTime / requestsPerSecond)) |")
print(
  "| pull from zero, 1,000 per page | \(pullReport.pulled) | \(String(format: "%.2f s", pullTime)) "
    + "| \(rate(Double(pullReport.pulled), pullTime)) "
    + "| \(String(format: "%.1fx", Double(pullReport.pulled) / pullTime / requestsPerSecond)) |")
print(
  "| 50 clients at once, 200 each, push and pull (\(crowdPulled) changes pulled) | \(50 * 200) "
    + "| \(String(format: "%.2f s", crowdTime)) "
    + "| \(rate(Double(50 * 200), crowdTime)) "
    + "| \(String(format: "%.1fx", Double(50 * 200) / crowdTime / requestsPerSecond)) |")
