import Foundation
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite struct RequestLimitTests {
  @Test func aPushOverOneMebibyteIsTooLarge() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let padding = String(repeating: "x", count: SyncLimits.maximumPushBytes)
    let body = try json(
      PushRequest(clientID: client, mutations: [Make.create(1, id: "a", body: "\"\(padding)\"")]))
    let response = try await fixture.withRouter { http in
      try await http.send(.post, "/v1/projects/alpha/push", token: fixture.token("ann"), body: body)
    }
    #expect(response.status == .contentTooLarge)
    #expect(try response.decode(APIError.self).error == "too_large")
  }

  @Test func aPushOf501MutationsIsTooLarge() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let body = try json(
      PushRequest(clientID: client, mutations: (1...501).map { Make.create($0, id: "a\($0)") }))
    let response = try await fixture.withRouter { http in
      try await http.send(.post, "/v1/projects/alpha/push", token: fixture.token("ann"), body: body)
    }
    #expect(response.status == .contentTooLarge)
  }

  @Test func aBodyMissingAFieldNamesIt() async throws {
    let fixture = try await Fixture.make()
    let response = try await fixture.withRouter { http in
      try await http.send(.post, "/v1/clients", token: fixture.token("ann"), body: "{}")
    }
    #expect(response.status == .badRequest)
    #expect(try response.decode(APIError.self).message == "device_name: missing")
  }

  @Test func aWrongTypeDeepInAPushNamesThePath() async throws {
    let fixture = try await Fixture.make()
    let body = #"{"client_id":"c","protocol_version":1,"mutations":[{"client_seq":"one"}]}"#
    let response = try await fixture.withRouter { http in
      try await http.send(.post, "/v1/projects/alpha/push", token: fixture.token("ann"), body: body)
    }
    #expect(response.status == .badRequest)
    #expect(
      try response.decode(APIError.self).message == "mutations[0].client_seq: wrong type or null")
  }

  @Test func anOtherProtocolVersionIs422() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let body = try json(PushRequest(clientID: client, mutations: [], protocolVersion: 2))
    let response = try await fixture.withRouter { http in
      try await http.send(.post, "/v1/projects/alpha/push", token: fixture.token("ann"), body: body)
    }
    #expect(response.status == .unprocessableContent)
    #expect(try response.decode(APIError.self).error == "unsupported_protocol")
  }

  @Test func aGapAnswers409WithTheLastClientSeq() async throws {
    let fixture = try await Fixture.make()
    let client = try await fixture.client("ann")
    let body = try json(PushRequest(clientID: client, mutations: [Make.create(2, id: "a")]))
    let response = try await fixture.withRouter { http in
      try await http.send(.post, "/v1/projects/alpha/push", token: fixture.token("ann"), body: body)
    }
    #expect(response.status == .conflict)
    let error = try response.decode(APIError.self)
    #expect(error.error == "gap")
    #expect(error.lastClientSeq == 0)
  }
}
