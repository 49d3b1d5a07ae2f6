import TerminalGraphics
import Testing

@Suite struct VersionParsingTests {
  @Test func tmuxVersions() {
    #expect(TmuxVersion("3.3a") == TmuxVersion(major: 3, minor: 3, suffix: "a"))
    #expect(TmuxVersion("3.4") == TmuxVersion(major: 3, minor: 4))
    #expect(TmuxVersion("next-3.5") == TmuxVersion(major: 3, minor: 5))
    #expect(TmuxVersion("3") == TmuxVersion(major: 3, minor: 0))
    #expect(TmuxVersion("openbsd-7.4") == nil)
    #expect(TmuxVersion("") == nil)
    #expect(TmuxVersion("3.x") == nil)
    #expect(TmuxVersion("99999999999.1") == nil)
    #expect(TmuxVersion("3.3a")?.description == "3.3a")
  }

  @Test func tmuxVersionsAreOrderedAsReleases() throws {
    let versions = try ["2.9a", "3.3", "3.3a", "3.4", "3.10"].map { try #require(TmuxVersion($0)) }
    #expect(versions == versions.sorted())
    #expect(try #require(TmuxVersion("3.3a")) < TmuxVersion.firstWithSixel)
    #expect(try #require(TmuxVersion("3.4")) >= TmuxVersion.firstWithSixel)
  }

  @Test func terminalIdentities() {
    #expect(
      TerminalIdentity(versionReply: "XTerm(379)")
        == TerminalIdentity(name: "XTerm", version: "379"))
    #expect(
      TerminalIdentity(versionReply: "tmux 3.3a") == TerminalIdentity(name: "tmux", version: "3.3a")
    )
    #expect(
      TerminalIdentity(versionReply: "WezTerm 20240203-110809-5046fc22")
        == TerminalIdentity(name: "WezTerm", version: "20240203-110809-5046fc22"))
    #expect(
      TerminalIdentity(versionReply: "mlterm") == TerminalIdentity(name: "mlterm", version: nil))
    #expect(TerminalIdentity(versionReply: "  ") == nil)
    #expect(TerminalIdentity(versionReply: "(1.0)") == nil)
  }
}
