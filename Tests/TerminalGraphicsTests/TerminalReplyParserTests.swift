import TerminalGraphics
import Testing

@Suite struct TerminalReplyParserTests {
  @Test func tunedXtermRepliesAreAllRecorded() {
    let replies = parse(Fixtures.xtermTuned.bytes)
    #expect(replies.deviceAttributes == [63, 1, 2, 4, 6, 9, 15, 16, 22, 28])
    #expect(replies.terminalVersion == "XTerm(379)")
    #expect(replies.colorRegisters == 256)
    #expect(replies.sixelGeometry == PixelSize(width: 4096, height: 4096))
    #expect(replies.textAreaPixels == PixelSize(width: 960, height: 765))
    #expect(replies.cellPixels == PixelSize(width: 8, height: 17))
    #expect(replies.kittyGraphics == nil)
    #expect(replies.statusReports == 1)
  }

  @Test func defaultXtermErrorsAreRecordedButGiveNoValues() {
    let replies = parse(Fixtures.xtermDefault.bytes)
    #expect(replies.deviceAttributes == [64, 1, 2, 6, 9, 15, 16, 17, 18, 21, 22, 28])
    #expect(
      replies.graphicsAttributes == [
        GraphicsAttributeReply(item: 1, status: 3, values: [0]),
        GraphicsAttributeReply(item: 2, status: 3, values: [0]),
      ])
    #expect(replies.colorRegisters == nil)
    #expect(replies.sixelGeometry == nil)
    #expect(replies.terminalVersion == nil)
    #expect(replies.cellPixels == nil)
  }

  @Test func mltermBogusGeometryErrorDoesNotHideItsRegisterCount() {
    let replies = parse(Fixtures.mlterm.bytes)
    #expect(replies.graphicsAttributes.count == 2)
    #expect(replies.colorRegisters == 1024)
    #expect(replies.sixelGeometry == nil)
  }

  @Test func raisedRegisterCountReplacesTheFirstOne() {
    let replies = parse(
      Fixtures.xtermGraphicsIDVT340.replies.joined() + "\(csi)?1;0;256S" + sentinel)
    #expect(replies.colorRegisters == 256)
    #expect(replies.statusReports == 2)
  }

  @Test func failedRaiseKeepsTheEarlierRegisterCount() {
    let replies = parse(Fixtures.xtermGraphicsIDVT340.replies.joined() + "\(csi)?1;3;0S" + sentinel)
    #expect(replies.colorRegisters == 16)
  }

  @Test func tmuxSwappedTextAreaReplyIsKeptRaw() {
    let replies = parse(Fixtures.tmux33a.bytes)
    #expect(replies.deviceAttributes == [1, 2])
    #expect(replies.terminalVersion == "tmux 3.3a")
    #expect(replies.textAreaCells == TextAreaCells(rows: 120, columns: 44))
  }

  @Test func kittyOKReplyWithBellTerminatedVersion() {
    let replies = parse(Fixtures.kitty.bytes)
    #expect(replies.kittyGraphics == KittyGraphicsReply(imageID: 31, message: "OK"))
    #expect(replies.kittyGraphics?.isOK == true)
    #expect(replies.terminalVersion == "kitty(0.31.0)")
    #expect(replies.deviceAttributes == [62, 0])
  }

  @Test func kittyErrorReplyKeepsItsMessage() {
    let replies = parse("\u{1B}_Gi=31,p=7;ENOTSUPPORTED:format not supported\(st)")
    #expect(replies.kittyGraphics?.imageID == 31)
    #expect(replies.kittyGraphics?.message == "ENOTSUPPORTED:format not supported")
    #expect(replies.kittyGraphics?.isOK == false)
  }

  @Test func modeReportsAreRecordedByMode() {
    let replies = parse("\(csi)?80;2$y\(csi)?8452;2$y\(csi)?1070;1$y\(csi)?2026;0$y\(csi)?9;7$y")
    #expect(
      replies.privateModes == [80: .reset, 8452: .reset, 1070: .set, 2026: .notRecognized])
  }

  @Test func otherReportsAreNotMistakenForReplies() {
    let text =
      "\(csi)>41;379;0c"  // DA2
      + "\(csi)12;40R"  // cursor position
      + "\(csi)3n"  // malfunction
      + "\(csi)n"  // no parameter
      + "\(csi)5;1;2t"  // unknown window report
      + "\(csi)4;1t"  // too few parameters
      + "\(csi)?1S"  // XTSMGRAPHICS without status
      + "\u{1B}P1$r0m\(st)"  // DECRQSS
      + "\u{1B}]11;rgb:0000/0000/0000\(st)"  // OSC colour report
      + "\u{1B}_Hello\(st)"  // APC that is not kitty's
      + "\(csi)A\u{1B}OP"  // cursor key, F1
    #expect(parse(text) == TerminalReplies())
  }

  @Test func ownQueriesEchoedBackAreNotMistakenForReplies() {
    let replies = parse(CapabilityQuery.firstRound + CapabilityQuery.raiseColorRegisters)
    #expect(replies.deviceAttributes == nil)
    #expect(replies.colorRegisters == nil)
    #expect(replies.sixelGeometry == nil)
    #expect(replies.statusReports == 0)
    #expect(replies.kittyGraphics == nil)
  }

  @Test func controlCharactersAreRemovedFromVersionText() {
    let replies = parse("\u{1B}P>|Evil\u{01}Term\u{9B}2J(1)\(st)")
    #expect(replies.terminalVersion == "EvilTerm2J(1)")
  }

  @Test func oversizedParametersAreIgnored() {
    let replies = parse(
      "\(csi)?1;0;99999999999999999999999S\(csi)6;17;1234567890t\(csi)?\(String(repeating: "1;", count: 100))4c"
    )
    #expect(replies == TerminalReplies())
  }

  @Test func oversizedStringIsDroppedAndTheNextReplyStillCounts() {
    let long = "\u{1B}P>|" + String(repeating: "x", count: 10_000) + st
    let replies = parse(long + "\u{1B}P>|XTerm(379)\(st)" + sentinel)
    #expect(replies.terminalVersion == "XTerm(379)")
    #expect(replies.statusReports == 1)
  }

  @Test func storedReplyListsAreBounded() {
    let flood =
      String(repeating: "\(csi)?1;0;16S", count: 1000)
      + (0..<1000).map { "\(csi)?\($0);1$y" }.joined()
    let replies = parse(flood)
    #expect(replies.graphicsAttributes.count == TerminalReplies.maximumGraphicsAttributeReplies)
    #expect(replies.privateModes.count == TerminalReplies.maximumModeReplies)
  }

  @Test func cancelAndSubstituteAbortASequence() {
    let replies = parse("\(csi)?63;4\u{18}c\(csi)?1;0\u{1A};256S\u{1B}P>|X\u{18}\(st)")
    #expect(replies == TerminalReplies())
  }

  @Test func statusReportsAreCounted() {
    var parser = TerminalReplyParser()
    #expect(!parser.sawStatusReport)
    parser.feed(Array(sentinel.utf8))
    #expect(parser.sawStatusReport)
    parser.feed(Array((sentinel + sentinel).utf8))
    #expect(parser.replies.statusReports == 3)
  }
}
