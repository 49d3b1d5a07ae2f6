import Foundation
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import Testing

@testable import AnnottyServer

/// Who calls: a user of each role, a user of another project, and nobody.
enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case annotator = "ann"
  case reviewer = "rev"
  case admin = "adm"
  case otherProject = "out"
  case anonymous = "-"

  var testDescription: String { rawValue }
}

/// Every route of the API, with the status each caller must get.
enum Endpoint: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case whoAmI, registerClient, listProjects, createProject, listAssignments, addAssignment, push
  case changes, changesOfUnknownProject, createUser, issueToken, revokeToken, audit, unknownRoute

  var testDescription: String { rawValue }

  /// Statuses for annotator, reviewer, admin, other project's user, anonymous.
  var expected: [Caller: Int] {
    let everyone = [200, 200, 200, 200, 401]
    let alphaReaders = [200, 200, 200, 404, 401]
    let statuses: [Int] =
      switch self {
      case .whoAmI, .registerClient, .listProjects: everyone
      case .listAssignments, .push, .changes: alphaReaders
      case .createProject, .addAssignment, .createUser, .issueToken: [404, 404, 201, 404, 401]
      case .revokeToken: [404, 404, 204, 404, 401]
      case .audit: [404, 404, 200, 404, 401]
      case .changesOfUnknownProject: [404, 404, 404, 404, 401]
      case .unknownRoute: [404, 404, 404, 404, 404]
      }
    return Dictionary(uniqueKeysWithValues: zip(Caller.allCases, statuses))
  }

  func request(_ fixture: Fixture, caller: Caller) async throws -> (
    HTTPRequest.Method, String, String?
  ) {
    switch self {
    case .whoAmI: return (.get, "/v1/whoami", nil)
    case .registerClient: return (.post, "/v1/clients", #"{"device_name":"ws-1"}"#)
    case .listProjects: return (.get, "/v1/projects", nil)
    case .createProject: return (.post, "/v1/projects", #"{"name":"gamma"}"#)
    case .listAssignments: return (.get, "/v1/projects/alpha/assignments", nil)
    case .addAssignment:
      return (
        .post, "/v1/projects/alpha/assignments",
        #"{"user":"ann","study_instance_uid":"4.5.6"}"#
      )
    case .push:
      let clientID = caller == .anonymous ? "c-none" : try await fixture.client(caller.rawValue)
      let body = try json(
        PushRequest(clientID: clientID, mutations: [Make.create(1, id: "p-\(caller.rawValue)")]))
      return (.post, "/v1/projects/alpha/push", body)
    case .changes: return (.get, "/v1/projects/alpha/changes?after=0&limit=10", nil)
    case .changesOfUnknownProject: return (.get, "/v1/projects/nowhere/changes", nil)
    case .createUser: return (.post, "/v1/users", #"{"name":"newbie","role":"annotator"}"#)
    case .issueToken: return (.post, "/v1/tokens", #"{"user":"ann"}"#)
    case .revokeToken: return (.delete, "/v1/tokens/\(fixture.tokens["out"]?.tokenID ?? "")", nil)
    case .audit: return (.get, "/v1/audit?after=0&limit=5", nil)
    case .unknownRoute: return (.get, "/v1/nothing-here", nil)
    }
  }
}

@Suite struct RoleMatrixTests {
  @Test(arguments: Endpoint.allCases, Caller.allCases)
  func eachRoleGetsItsStatusOnEachEndpoint(endpoint: Endpoint, caller: Caller) async throws {
    let fixture = try await Fixture.make()
    let (method, uri, body) = try await endpoint.request(fixture, caller: caller)
    let token = caller == .anonymous ? nil : fixture.token(caller.rawValue)
    let response = try await fixture.withRouter { client in
      try await client.send(method, uri, token: token, body: body)
    }
    #expect(response.status.code == endpoint.expected[caller])
    if response.status.code >= 400 {
      let error = try response.decode(APIError.self)
      #expect(error.error == (response.status.code == 401 ? "unauthorized" : "not_found"))
    }
    // Every denial of a known route to a signed-in caller leaves an audit row.
    if response.status.code == 404, caller != .admin, caller != .anonymous,
      endpoint != .unknownRoute
    {
      let events = try await fixture.auditEvents()
      #expect(events.contains { $0.actor == caller.rawValue && $0.outcome == "denied" })
    }
    if caller == .anonymous, endpoint != .unknownRoute {
      let events = try await fixture.auditEvents()
      #expect(events.last?.action == "auth.failed")
      #expect(events.last?.code == "missing")
    }
  }
}
