import Foundation
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import Testing

@testable import AnnottyServer

@Suite struct AuthenticationTests {
  @Test func aTokenHasThePrefixTheLengthAndAChecksum() {
    let token = AccessToken.generate()
    #expect(token.hasPrefix("annotty_"))
    #expect(token.count == 8 + 43 + 6)
    #expect(AccessToken.isWellFormed(token))
    var typo = Array(token)
    typo[20] = typo[20] == "a" ? "b" : "a"
    #expect(!AccessToken.isWellFormed(String(typo)))
    #expect(!AccessToken.isWellFormed("annotty_short"))
    #expect(AccessToken.generate() != token)
  }

  @Test func theStoreKeepsOnlyTheTokensDigest() async throws {
    let fixture = try await Fixture.make()
    let token = fixture.token("ann")
    let stored = try await fixture.store.pool.read { db in
      try Data.fetchAll(db, sql: "SELECT digest FROM token")
    }
    #expect(stored.contains(AccessToken.digest(of: token)))
    let raw = try Data(
      contentsOf: fixture.directory.appendingPathComponent("annotty-server.sqlite"))
    #expect(raw.range(of: Data(token.utf8)) == nil)
  }

  @Test(arguments: ["expired", "idle", "revoked", "malformed", "unknown"])
  func aRefusedTokenAnswersTheSame401AndIsAudited(_ reason: String) async throws {
    let fixture = try await Fixture.make()
    let admin = try await fixture.principal("adm")
    var token = fixture.token("ann")
    switch reason {
    case "expired":
      token = try await fixture.store.issueToken(
        IssueTokenRequest(user: "ann"), lifetime: 1, by: admin
      ).token
      fixture.clock.advance(by: 2)
    case "idle":
      fixture.clock.advance(by: TokenLifetime.defaultIdleTimeout + 1)
    case "revoked":
      try await fixture.store.revokeToken(id: fixture.tokens["ann"]?.tokenID ?? "", by: admin)
    case "malformed":
      token = String(token.dropLast()) + (token.hasSuffix("x") ? "y" : "x")
    default:
      token = AccessToken.generate()
    }
    let refused = token
    let response = try await fixture.withRouter { client in
      try await client.send(.get, "/v1/whoami", token: refused)
    }
    #expect(response.status == .unauthorized)
    #expect(try response.decode(APIError.self) == APIError.unauthorized)
    let events = try await fixture.store.pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT code FROM audit_event WHERE action = 'auth.failed' ORDER BY seq")
    }
    #expect(events.last == reason)
  }

  @Test func aOneSecondTokenStopsWorkingOnceTheSecondHasPassed() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-server-test-\(UUID().uuidString)")
    // A clock moved by hand: a busy machine must not expire the token before the first check.
    let clock = TestClock()
    let store = try SQLiteServerStore(directory: directory, clock: { clock.now })
    let issued = try await store.createUser(
      CreateUserRequest(name: "brief", role: .annotator), lifetime: 1, by: .commandLine())
    #expect(try await store.authenticate(token: issued.token, source: "t").get().user == "brief")
    clock.advance(by: 1.1)
    let result = try await store.authenticate(token: issued.token, source: "t")
    #expect(throws: AuthenticationFailure.expired) { try result.get() }
  }

  @Test func whoAmINamesTheUserTheRoleAndTheToken() async throws {
    let fixture = try await Fixture.make()
    let response = try await fixture.withRouter { client in
      try await client.send(.get, "/v1/whoami", token: fixture.token("rev"))
    }
    let whoAmI = try response.decode(WhoAmI.self)
    #expect(whoAmI.user == "rev")
    #expect(whoAmI.role == .reviewer)
    #expect(whoAmI.tokenID == fixture.tokens["rev"]?.tokenID)
    #expect(whoAmI.tokenExpiresAt == fixture.tokens["rev"]?.expiresAt)
  }
}
