import Foundation
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite struct MalformedInputTests {
  /// Bodies a broken or hostile client might send; none may crash the server or answer 500.
  static let bodies: [String] = [
    "", "null", "[]", "{", #"{"client_id":1}"#, String(repeating: "[", count: 10_000),
    #"{"client_id":"c","protocol_version":1,"mutations":null}"#,
    #"{"client_id":"c","protocol_version":1,"mutations":[{}]}"#,
    #"{"client_id":"c","protocol_version":1e400,"mutations":[]}"#,
    #"{"client_id":"\u0000","protocol_version":1,"mutations":[]}"#,
  ]

  @Test(arguments: bodies)
  func aMalformedPushIsAClientError(_ body: String) async throws {
    let fixture = try await Fixture.make()
    let response = try await fixture.withRouter { http in
      try await http.send(.post, "/v1/projects/alpha/push", token: fixture.token("ann"), body: body)
    }
    #expect((400..<500).contains(response.status.code))
    #expect((try? response.decode(APIError.self)) != nil)
  }

  @Test func oddButWellFormedMutationsAreRejectedOneByOne() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    var emptyID = Make.create(1, id: "")
    emptyID.mutationID = "m-empty"
    var badJSON = Make.create(2, id: "x", body: "{not json")
    badJSON.mutationID = "m-bad"
    var negativeFrame = Make.create(3, id: "y")
    negativeFrame.scope.frame = -1
    let wrongBase = Make.update(4, id: "z", base: 0)
    let response = try await fixture.store.push(
      PushRequest(clientID: client, mutations: [emptyID, badJSON, negativeFrame, wrongBase]),
      project: "alpha", by: fixture.principal("ann"))
    #expect(response.results.map(\.code) == ["invalid", "invalid", "invalid", "invalid"])
    #expect(response.lastClientSeq == 4)
  }
}
