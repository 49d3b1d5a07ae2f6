import TerminalGraphics
import Testing

@Suite struct CapabilityQueryTests {
  @Test func firstRoundIsTheExactQueriesEndingWithTheSentinel() {
    let expected =
      "\(csi)c\(csi)>q\u{1B}_Ga=q,i=31,s=1,v=1,t=d,f=24;AAAA\(st)"
      + "\(csi)?1;1;0S\(csi)?2;4;0S\(csi)14t\(csi)16t\(csi)5n"
    #expect(CapabilityQuery.firstRound == Array(expected.utf8))
  }

  @Test func raiseRequestAsksFor256RegistersThenTheSentinel() {
    #expect(CapabilityQuery.raiseColorRegisters == Array("\(csi)?1;3;256S\(csi)5n".utf8))
  }

  @Test func secondRoundOnlyForSixelWithFewerThan256Registers() {
    #expect(
      CapabilityQuery.secondRound(after: parse(Fixtures.xtermGraphicsIDVT340.bytes))
        == CapabilityQuery.raiseColorRegisters)
    #expect(CapabilityQuery.secondRound(after: parse(Fixtures.xtermTuned.bytes)) == nil)
    #expect(CapabilityQuery.secondRound(after: parse(Fixtures.xtermVT340.bytes)) == nil)
    #expect(CapabilityQuery.secondRound(after: parse(Fixtures.mlterm.bytes)) == nil)
    #expect(CapabilityQuery.secondRound(after: parse(Fixtures.xtermDefault.bytes)) == nil)
    #expect(CapabilityQuery.secondRound(after: parse(Fixtures.tmux33a.bytes)) == nil)
  }

  @Test func noSecondRoundWhenRegistersAreUnknownOrSixelIsMissing() {
    #expect(CapabilityQuery.secondRound(after: parse("\(csi)?63;4c" + sentinel)) == nil)
    #expect(
      CapabilityQuery.secondRound(after: parse("\(csi)?63;1c\(csi)?1;0;16S" + sentinel)) == nil)
  }

  @Test func insideTmuxTheKittyQueryIsLeftOut() {
    let inside = CapabilityQuery.firstRound(environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
    #expect(!inside.contains(0x5F))  // no APC introducer "ESC _"
    #expect(
      inside.count == CapabilityQuery.firstRound.count - CapabilityQuery.kittyGraphicsQuery.count)
    #expect(CapabilityQuery.firstRound(environment: ["TMUX": ""]) == CapabilityQuery.firstRound)
    #expect(CapabilityQuery.firstRound(environment: [:]) == CapabilityQuery.firstRound)
  }
}
