import Foundation
import SyncProtocol

@testable import AnnottyServer

/// A clock the tests move by hand, so expiry is tested without waiting.
final class TestClock: @unchecked Sendable {
  private let lock = NSLock()
  private var current = Date(timeIntervalSince1970: 1_800_000_000)

  var now: Date { lock.withLock { current } }

  func advance(by seconds: TimeInterval) {
    lock.withLock { current += seconds }
  }
}

/// A server store with two projects and one user of each kind:
/// - `ann` (annotator) has study 1.2.3 of `alpha`; `ann2` (annotator) only its series 1.2.3.1;
/// - `rev` (reviewer) has study 1.2.3 of `alpha`; `adm` is an admin;
/// - `out` (annotator) has study 9.9 of `beta` and nothing in `alpha`.
struct Fixture {
  static let study = "1.2.3"
  static let seriesA = "1.2.3.1"
  static let seriesB = "1.2.3.2"

  let directory: URL
  let store: SQLiteServerStore
  let clock: TestClock
  var tokens: [String: IssuedToken] = [:]

  static func make() async throws -> Fixture {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-server-test-\(UUID().uuidString)")
    let clock = TestClock()
    let store = try SQLiteServerStore(directory: directory, clock: { clock.now })
    var fixture = Fixture(directory: directory, store: store, clock: clock)
    let cli = Principal.commandLine()
    for (name, role) in [
      ("ann", Role.annotator), ("ann2", .annotator), ("rev", .reviewer), ("adm", .admin),
      ("out", .annotator),
    ] {
      fixture.tokens[name] = try await store.createUser(
        CreateUserRequest(name: name, role: role), lifetime: 3600 * 24, by: cli)
    }
    _ = try await store.createProject(Project(name: "alpha"), by: cli)
    _ = try await store.createProject(Project(name: "beta"), by: cli)
    for assignment in [
      Assignment(user: "ann", studyInstanceUID: study),
      Assignment(user: "ann2", studyInstanceUID: study, seriesInstanceUID: seriesA),
      Assignment(user: "rev", studyInstanceUID: study),
    ] {
      _ = try await store.addAssignment(assignment, project: "alpha", by: cli)
    }
    _ = try await store.addAssignment(
      Assignment(user: "out", studyInstanceUID: "9.9"), project: "beta", by: cli)
    return fixture
  }

  func token(_ user: String) -> String { tokens[user]?.token ?? "" }

  func principal(_ user: String) async throws -> Principal {
    try await store.authenticate(token: token(user), source: "test").get()
  }

  func client(_ user: String) async throws -> String {
    try await store.registerClient(
      RegisterClientRequest(deviceName: "ws-\(user)"), by: principal(user)
    ).clientID
  }

  func auditEvents() async throws -> [AuditEvent] {
    try await store.auditEvents(after: 0, limit: 1000, for: principal("adm"))
  }
}

/// Mutations with readable defaults.
enum Make {
  static func create(
    _ seq: Int64, id: String, series: String? = Fixture.seriesA, study: String = Fixture.study,
    body: String = #"{"kind":"box"}"#
  ) -> PushMutation {
    PushMutation(
      clientSeq: seq, mutationID: "m-\(UUID().uuidString)", name: .createAnnotation,
      annotationID: id, baseRevision: 0,
      scope: AnnotationScope(studyInstanceUID: study, seriesInstanceUID: series), body: body,
      clientTime: "2026-05-01T10:00:00Z")
  }

  static func update(
    _ seq: Int64, id: String, base: Int, series: String? = Fixture.seriesA,
    body: String = #"{"kind":"box","x":1}"#
  ) -> PushMutation {
    var mutation = create(seq, id: id, series: series, body: body)
    mutation.name = .updateAnnotation
    mutation.baseRevision = base
    return mutation
  }

  static func delete(_ seq: Int64, id: String, base: Int) -> PushMutation {
    var mutation = update(seq, id: id, base: base)
    mutation.name = .deleteAnnotation
    return mutation
  }
}
