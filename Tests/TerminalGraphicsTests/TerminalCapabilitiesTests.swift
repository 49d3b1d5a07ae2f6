import TerminalGraphics
import Testing

func capabilities(
  _ fixture: TerminalFixture, environment: [String: String] = [:], windowSize: WindowSize? = nil
) -> TerminalCapabilities {
  TerminalCapabilities(
    replies: parse(fixture.bytes), windowSize: windowSize ?? fixture.windowSize,
    environment: environment)
}

@Suite struct TerminalCapabilitiesTests {
  @Test func defaultXtermHasNoSixelAndSuggestsSetup() {
    let caps = capabilities(Fixtures.xtermDefault, environment: ["TERM": "xterm"])
    #expect(caps.probeOutcome == .answered)
    #expect(!caps.supportsSixel)
    #expect(caps.colorRegisters == nil)
    #expect(caps.cellSize == PixelSize(width: 6, height: 13))
    #expect(caps.cellSizeSource == .windowSizePixels)
    #expect(caps.textAreaPixels == PixelSize(width: 600, height: 390))
    #expect(caps.suggestsXtermSixelSetup)
    #expect(!caps.insideTmux)
    #expect(ProtocolChoice.choose(caps, override: nil).graphicsProtocol == .blocks)
  }

  @Test func tunedXterm() {
    let caps = capabilities(Fixtures.xtermTuned, environment: ["TERM": "xterm-256color"])
    #expect(caps.supportsSixel)
    #expect(caps.colorRegisters == 256)
    #expect(caps.maximumSixelGeometry == PixelSize(width: 4096, height: 4096))
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
    #expect(caps.cellSizeSource == .windowSizePixels)
    #expect(caps.textAreaPixels == PixelSize(width: 960, height: 765))
    #expect(caps.terminal == TerminalIdentity(name: "XTerm", version: "379"))
    #expect(!caps.supportsKittyGraphics)
    #expect(!caps.supportsITerm2Images)
    #expect(!caps.suggestsXtermSixelSetup)
    #expect(ProtocolChoice.choose(caps, override: nil).graphicsProtocol == .sixel)
  }

  @Test func xtermVT340KeepsItsMaximumGeometry() {
    let caps = capabilities(Fixtures.xtermVT340)
    #expect(caps.supportsSixel)
    #expect(caps.colorRegisters == 1024)
    #expect(caps.maximumSixelGeometry == PixelSize(width: 1000, height: 1000))
  }

  @Test func mlterm() {
    let caps = capabilities(Fixtures.mlterm)
    #expect(caps.supportsSixel)
    #expect(caps.colorRegisters == 1024)
    #expect(caps.maximumSixelGeometry == nil)
    #expect(caps.cellSize == PixelSize(width: 6, height: 14))
    #expect(caps.terminal == nil)
    #expect(ProtocolChoice.choose(caps, override: nil).graphicsProtocol == .sixel)
  }

  @Test func tmuxFromVersionReplyAloneChoosesBlocks() {
    let caps = capabilities(Fixtures.tmux33a)
    #expect(caps.insideTmux)
    #expect(caps.tmuxVersion == TmuxVersion(major: 3, minor: 3, suffix: "a"))
    #expect(!caps.supportsSixel)
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
    let choice = ProtocolChoice.choose(caps, override: nil)
    #expect(choice.graphicsProtocol == .blocks)
    #expect(choice.reason.contains("tmux 3.3a"))
  }

  @Test func tmuxSwappedCellCountIsNotTrusted() {
    let noCells = WindowSize(rows: 0, columns: 0, pixelWidth: 960, pixelHeight: 748)
    let caps = capabilities(Fixtures.tmux33a, windowSize: noCells)
    #expect(caps.cellSizeSource == .assumedDefault)
    #expect(caps.cellSize == PixelSize(width: 10, height: 20))
  }

  @Test func textAreaCellReportStandsInForMissingCellsOutsideTmux() {
    let replies = parse("\(csi)8;45;120t\(csi)4;765;960t" + sentinel)
    let caps = TerminalCapabilities(
      replies: replies, windowSize: WindowSize(rows: 0, columns: 0, pixelWidth: 0, pixelHeight: 0),
      environment: [:])
    #expect(caps.cellSizeSource == .textAreaReport)
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
  }

  @Test func tmuxFromEnvironmentWithUnknownVersionChoosesBlocksOverSixel() {
    let caps = capabilities(
      Fixtures.xtermTuned, environment: ["TMUX": "/tmp/tmux-1000/default,1,0"])
    #expect(caps.insideTmux)
    #expect(caps.tmuxVersion == nil)
    #expect(caps.supportsSixel)
    let choice = ProtocolChoice.choose(caps, override: nil)
    #expect(choice.graphicsProtocol == .blocks)
    #expect(choice.reason.contains("unknown version"))
  }

  @Test func tmuxVersionFallsBackToTermProgramVersion() {
    let caps = capabilities(
      Fixtures.xtermTuned,
      environment: ["TMUX": "/tmp/x,1,0", "TERM_PROGRAM": "tmux", "TERM_PROGRAM_VERSION": "3.4"])
    #expect(caps.tmuxVersion == TmuxVersion(major: 3, minor: 4))
    #expect(ProtocolChoice.choose(caps, override: nil).graphicsProtocol == .sixel)
  }

  @Test func tmux34WithSixelChoosesSixel() {
    let replies = parse("\(csi)?62;4;22c\u{1B}P>|tmux 3.4\(st)" + sentinel)
    let caps = TerminalCapabilities(
      replies: replies, windowSize: Fixtures.tmux33a.windowSize, environment: [:])
    let choice = ProtocolChoice.choose(caps, override: nil)
    #expect(choice.graphicsProtocol == .sixel)
    #expect(choice.reason.contains("tmux 3.4"))
  }

  @Test func overrideWinsEvenInsideOldTmux() {
    let caps = capabilities(Fixtures.tmux33a)
    for wanted in GraphicsProtocol.allCases {
      #expect(ProtocolChoice.choose(caps, override: wanted).graphicsProtocol == wanted)
    }
  }

  @Test func kittyComesFirst() {
    let caps = capabilities(Fixtures.kitty)
    #expect(caps.supportsKittyGraphics)
    #expect(caps.terminal == TerminalIdentity(name: "kitty", version: "0.31.0"))
    #expect(caps.cellSize == PixelSize(width: 10, height: 20))
    #expect(caps.cellSizeSource == .windowSizePixels)
    let withSixel = TerminalCapabilities(
      replies: parse(Fixtures.kitty.replies.joined() + "\(csi)?62;4c"),
      windowSize: Fixtures.kitty.windowSize, environment: [:])
    #expect(ProtocolChoice.choose(withSixel, override: nil).graphicsProtocol == .kitty)
  }

  @Test func kittyReplyForAnotherImageOrWithAnErrorIsNotSupport() {
    for reply in ["\u{1B}_Gi=7;OK\(st)", "\u{1B}_Gi=31;EINVAL:bad\(st)", "\u{1B}_G;OK\(st)"] {
      let caps = TerminalCapabilities(
        replies: parse(reply + sentinel), windowSize: nil, environment: [:])
      #expect(!caps.supportsKittyGraphics, "\(reply.debugDescription)")
    }
  }

  @Test(arguments: ["iTerm2 3.5.0", "WezTerm 20240203-110809-5046fc22", "Konsole 23.08.5"])
  func iTerm2ImageTerminalsChooseITerm2BeforeSixel(_ version: String) {
    let replies = parse("\(csi)?62;4c\u{1B}P>|\(version)\(st)" + sentinel)
    let caps = TerminalCapabilities(replies: replies, windowSize: nil, environment: [:])
    #expect(caps.supportsITerm2Images)
    #expect(ProtocolChoice.choose(caps, override: nil).graphicsProtocol == .iterm2)
  }

  @Test func vt132ClassIsNotSixel() {
    #expect(!TerminalCapabilities.reportsSixel([4, 6]))
    #expect(TerminalCapabilities.reportsSixel([63, 4]))
    #expect(!TerminalCapabilities.reportsSixel(nil))
  }

  @Test func environmentDecidesColour() {
    let replies = parse(sentinel)
    func caps(_ environment: [String: String]) -> TerminalCapabilities {
      TerminalCapabilities(replies: replies, windowSize: nil, environment: environment)
    }
    #expect(BlockColorMode.choose(caps(["COLORTERM": "truecolor"])) == .truecolor)
    #expect(BlockColorMode.choose(caps(["COLORTERM": "24bit"])) == .truecolor)
    #expect(BlockColorMode.choose(caps(["COLORTERM": "yes"])) == .palette256)
    #expect(BlockColorMode.choose(caps([:])) == .palette256)
    #expect(BlockColorMode.choose(caps(["NO_COLOR": "1", "COLORTERM": "truecolor"])) == .ascii)
    #expect(BlockColorMode.choose(caps(["NO_COLOR": ""])) == .palette256)
    #expect(BlockColorMode.choose(caps(["TERM": "dumb"])) == .ascii)
    #expect(BlockColorMode.choose(caps(["TERM": "dumb"]), override: .truecolor) == .truecolor)
  }

  @Test func noRepliesGiveDefaultsAndSayTheTerminalDidNotAnswer() {
    let caps = TerminalCapabilities(
      replies: TerminalReplies(),
      windowSize: WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0),
      environment: [:])
    #expect(caps.probeOutcome == .timedOut)
    #expect(!caps.supportsSixel)
    #expect(caps.cellSize == PixelSize(width: 10, height: 20))
    #expect(caps.cellSizeSource == .assumedDefault)
    #expect(caps.textAreaPixels == nil)
    let choice = ProtocolChoice.choose(caps, override: nil)
    #expect(choice.graphicsProtocol == .blocks)
    #expect(choice.reason.contains("did not answer"))
  }
}
