import Testing

@testable import TUIKit

/// Feeds `chunks` one after another and collects every event.
private func parse(_ chunks: [[UInt8]], flush: Bool = false) -> [TerminalInputEvent] {
  var parser = TerminalInputParser()
  var events: [TerminalInputEvent] = []
  for chunk in chunks { events += parser.feed(chunk) }
  if flush { events += parser.flush() }
  return events
}

private func bytes(_ text: String) -> [UInt8] {
  Array(text.utf8)
}

private func keys(_ notation: String) -> [TerminalInputEvent] {
  (try! KeyNotation.parse(notation)).map { .key($0) }
}

@Suite struct TerminalInputParserTests {
  @Test func arrowKeysInNormalAndApplicationCursorMode() {
    #expect(parse([bytes("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D")]) == keys("<Up><Down><Right><Left>"))
    #expect(parse([bytes("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD")]) == keys("<Up><Down><Right><Left>"))
    #expect(parse([bytes("\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF")]) == keys("<Home><End><Home><End>"))
  }

  @Test func modifiedArrowsAsXtermAndTmuxSendThem() {
    #expect(parse([bytes("\u{1B}[1;5C")]) == keys("<C-Right>"))
    #expect(parse([bytes("\u{1B}[1;2A")]) == keys("<S-Up>"))
    #expect(parse([bytes("\u{1B}[1;3D")]) == keys("<A-Left>"))
    #expect(parse([bytes("\u{1B}[1;6B")]) == keys("<C-S-Down>"))
    #expect(parse([bytes("\u{1B}[1;9C")]) == keys("<A-Right>"))  // Meta reads as Alt.
  }

  /// Bytes captured from tmux 3.3a (`send-keys C-Right Up F5 M-x C-l PPage End F1 S-Right`
  /// into `stty raw; od`).
  @Test func bytesCapturedFromTmux() {
    let captured: [UInt8] = [
      0x1b, 0x5b, 0x31, 0x3b, 0x35, 0x43, 0x1b, 0x5b, 0x41, 0x1b, 0x5b, 0x31, 0x35, 0x7e, 0x1b,
      0x78, 0x0c, 0x1b, 0x5b, 0x35, 0x7e, 0x1b, 0x5b, 0x34, 0x7e, 0x1b, 0x4f, 0x50, 0x1b, 0x5b,
      0x31, 0x3b, 0x32, 0x43,
    ]
    #expect(parse([captured]) == keys("<C-Right><Up><F5><A-x><C-l><PageUp><End><F1><S-Right>"))
  }

  @Test func rxvtModifiedArrows() {
    #expect(parse([bytes("\u{1B}Od\u{1B}[c")]) == keys("<C-Left><S-Right>"))
    #expect(parse([bytes("\u{1B}\u{1B}[A")]) == keys("<A-Up>"))
    #expect(parse([bytes("\u{1B}[5^\u{1B}[3$")]) == keys("<C-PageUp><S-Del>"))
  }

  @Test func editingKeysAndPages() {
    let text = "\u{1B}[2~\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~"
    #expect(
      parse([bytes(text)]) == keys("<Insert><Del><PageUp><PageDown><Home><End><Home><End>"))
    #expect(parse([bytes("\u{1B}[5;5~\u{1B}[3;2~")]) == keys("<C-PageUp><S-Del>"))
    #expect(parse([bytes("\u{1B}[Z")]) == keys("<S-Tab>"))
  }

  @Test func functionKeysFromEveryFamily() {
    #expect(parse([bytes("\u{1B}OP\u{1B}OQ\u{1B}OR\u{1B}OS")]) == keys("<F1><F2><F3><F4>"))
    let tilde = "\u{1B}[15~\u{1B}[17~\u{1B}[18~\u{1B}[19~\u{1B}[20~\u{1B}[21~\u{1B}[23~\u{1B}[24~"
    #expect(parse([bytes(tilde)]) == keys("<F5><F6><F7><F8><F9><F10><F11><F12>"))
    #expect(parse([bytes("\u{1B}[11~\u{1B}[12~")]) == keys("<F1><F2>"))  // rxvt
    #expect(parse([bytes("\u{1B}[[A\u{1B}[[E")]) == keys("<F1><F5>"))  // Linux console
    #expect(parse([bytes("\u{1B}[1;5P\u{1B}[15;2~")]) == keys("<C-F1><S-F5>"))
  }

  @Test func controlBytesAreCtrlKeys() {
    #expect(parse([[0x0C, 0x01, 0x1A]]) == keys("<C-l><C-a><C-z>"))
    #expect(parse([[0x0D, 0x0A, 0x09, 0x7F, 0x08]]) == keys("<Enter><Enter><Tab><BS><BS>"))
    #expect(parse([[0x00, 0x1D]]) == keys("<C-Space><C-]>"))
  }

  @Test func altAsEscapePrefix() {
    #expect(parse([bytes("\u{1B}x\u{1B}X\u{1B}1")]) == keys("<A-x><A-X><A-1>"))
    #expect(parse([[0x1B, 0x0C], [0x1B, 0x7F]]) == keys("<C-A-l><A-BS>"))
    #expect(parse([bytes("\u{1B}é")]) == [.key(.character("é", modifiers: .alt))])
  }

  @Test func loneEscapeWaitsForFlush() {
    var parser = TerminalInputParser()
    #expect(parser.feed([0x1B]).isEmpty)
    #expect(parser.hasPendingInput)
    #expect(parser.flush() == keys("<Esc>"))
    #expect(!parser.hasPendingInput)
    #expect(parser.feed(bytes("j")) == keys("j"))
    #expect(parse([[0x1B, 0x1B]], flush: true) == keys("<Esc><Esc>"))
    #expect(parse([bytes("\u{1B}[")], flush: true) == keys("<A-[>"))
    #expect(parse([bytes("\u{1B}O")], flush: true) == keys("<A-O>"))
    // Escape followed by a key typed before the timeout: Escape then the key, no Alt.
    #expect(parse([bytes("\u{1B}\u{1B}j")]) == keys("<Esc><A-j>"))
  }

  @Test func utf8TextAcrossChunkBoundaries() {
    let text = bytes("aé€😀")
    #expect(parse([text]) == keys("aé€😀"))
    #expect(parse(text.map { [$0] }) == keys("aé€😀"))
  }

  @Test func everySequenceSurvivesBeingSplitAnywhere() {
    let stream = bytes("j\u{1B}[1;5C\u{1B}OP€\u{1B}x\u{1B}[200~hi\u{1B}[201~\u{1B}[24~k")
    let whole = parse([stream])
    #expect(
      whole
        == keys("j<C-Right><F1>€<A-x>") + [.paste("hi")] + keys("<F12>k"))
    for cut in 1..<stream.count {
      #expect(parse([Array(stream[..<cut]), Array(stream[cut...])]) == whole, "cut at \(cut)")
    }
    #expect(parse(stream.map { [$0] }) == whole)
  }

  @Test func bracketedPasteIsOneEvent() {
    let pasted = "line 1\rj\u{1B}[A w1 é"
    #expect(parse([bytes("\u{1B}[200~" + pasted + "\u{1B}[201~x")]) == [.paste(pasted)] + keys("x"))
    // The end marker split across chunks, and a lone ESC inside the paste.
    #expect(
      parse([bytes("\u{1B}[200~a\u{1B}"), bytes("b\u{1B}[20"), bytes("1~")]) == [
        .paste("a\u{1B}b")
      ])
    // A flush in the middle of a paste does not end it.
    var parser = TerminalInputParser()
    #expect(parser.feed(bytes("\u{1B}[200~abc")).isEmpty)
    #expect(parser.flush().isEmpty)
    #expect(parser.feed(bytes("\u{1B}[201~")) == [.paste("abc")])
  }

  @Test func unknownSequencesAreConsumedWhole() {
    // SGR mouse, focus in/out, a DECRQM reply, an unknown final, a stray paste end.
    let noise = "\u{1B}[<0;10;20M\u{1B}[I\u{1B}[O\u{1B}[?2026;2$y\u{1B}[99~\u{1B}[201~\u{1B}Oz"
    #expect(parse([bytes("a" + noise + "b")]) == keys("ab"))
    // X10 mouse: CSI M and three raw bytes.
    #expect(parse([bytes("\u{1B}[M"), [0x20, 0x21, 0x22], bytes("q")]) == keys("q"))
  }

  @Test func garbageNeverStallsOrCrashes() {
    // Invalid UTF-8, a sequence broken by a control byte, an overlong parameter list.
    #expect(parse([[0xFF, 0xC3, 0x28, 0x80, UInt8(ascii: "k")]]) == keys("(k"))
    #expect(parse([bytes("\u{1B}[1;\u{0D}")]) == keys("<Enter>"))
    let long = "\u{1B}[" + String(repeating: "1;", count: 100) + "A" + "z"
    let events = parse([bytes(long)])
    #expect(events.last == keys("z").last)
    var parser = TerminalInputParser()
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let chunk = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
        UInt8.random(in: 0...255, using: &generator)
      }
      _ = parser.feed(chunk)
    }
    _ = parser.flush()
    _ = parser.feed(bytes("\u{1B}[201~"))  // Ends a paste the noise may have started.
    _ = parser.flush()
    #expect(parser.feed(bytes("q")) == keys("q"))
  }

  @Test func kittyAndModifyOtherKeysReports() {
    #expect(parse([bytes("\u{1B}[97;5u\u{1B}[27;3;120~")]) == keys("<C-a><A-x>"))
    #expect(parse([bytes("\u{1B}[13;2u")]) == keys("<S-Enter>"))
  }
}

@Test func deviceStatusReplyIsReadinessNotAKey() {
  #expect(parse([Array("j\u{1B}[0nk".utf8)]) == keys("j") + [.terminalReady] + keys("k"))
  #expect(parse([Array("\u{1B}[".utf8), Array("0".utf8), Array("n".utf8)]) == [.terminalReady])
}
