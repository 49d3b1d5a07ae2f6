import TerminalGraphics
import TestSupport
import Testing

/// Parsing must not depend on how reads split the stream, nor on junk between replies.
@Suite struct ReplyStreamRobustnessTests {
  @Test(arguments: Fixtures.all)
  func byteByByteEqualsWhole(_ fixture: TerminalFixture) {
    var parser = TerminalReplyParser()
    for byte in fixture.bytes { parser.feed([byte]) }
    #expect(parser.replies == parse(fixture.bytes))
    #expect(parser.replies.statusReports == 1)
  }

  @Test(arguments: Fixtures.all)
  func randomChunksEqualWhole(_ fixture: TerminalFixture) {
    let whole = parse(fixture.bytes)
    for seed in UInt64(1)...50 {
      var generator = SeededGenerator(seed: seed)
      var parser = TerminalReplyParser()
      var rest = fixture.bytes[...]
      while !rest.isEmpty {
        let size = Int.random(in: 1...max(1, min(rest.count, 17)), using: &generator)
        parser.feed(rest.prefix(size))
        rest = rest.dropFirst(size)
      }
      #expect(parser.replies == whole, "seed \(seed)")
    }
  }

  @Test(arguments: Fixtures.all)
  func typicalJunkBetweenRepliesIsIgnored(_ fixture: TerminalFixture) {
    let junk = [
      "hello", "\(csi)A", "\u{1B}OP", "é日本", "\(csi)12;40R", "\u{1B}]11;rgb:0/0/0\u{07}",
      "\u{1B}", "\(csi)?64;1", "\u{1B}P>|trunc", "\r\n\t\u{7F}", "\u{1B}_Gi=9",
    ]
    var text = ""
    for (index, reply) in fixture.replies.enumerated() {
      text += junk[index % junk.count] + reply
    }
    #expect(parse(text + "junk") == parse(fixture.bytes))
  }

  @Test(arguments: Fixtures.all)
  func randomJunkBetweenRepliesIsIgnored(_ fixture: TerminalFixture) {
    let whole = parse(fixture.bytes)
    for seed in UInt64(1)...30 {
      var generator = SeededGenerator(seed: seed)
      var bytes: [UInt8] = []
      for reply in fixture.replies {
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
          bytes.append(UInt8.random(in: 0...255, using: &generator))
        }
        bytes += Array(reply.utf8)
      }
      #expect(parse(bytes) == whole, "seed \(seed)")
    }
  }

  @Test(arguments: Fixtures.all)
  func everyTruncatedReplyIsDroppedWhole(_ fixture: TerminalFixture) {
    for reply in fixture.replies where reply != sentinel {
      let bytes = Array(reply.utf8)
      for length in 0..<bytes.count {
        let replies = parse(Array(bytes.prefix(length)) + Array(sentinel.utf8))
        var expected = TerminalReplies()
        expected.statusReports = 1
        #expect(
          replies == expected, "\(fixture.name): first \(length) bytes of \(reply.debugDescription)"
        )
      }
    }
  }

  @Test func truncatedEndOfInputIsHarmless() {
    for fixture in Fixtures.all {
      let bytes = fixture.bytes
      for length in 0...bytes.count {
        var parser = TerminalReplyParser()
        parser.feed(bytes.prefix(length))
        #expect(parser.replies.statusReports == (length == bytes.count ? 1 : 0))
      }
    }
  }

  @Test func randomBytesNeverCrash() {
    var generator = SeededGenerator(seed: 0xA11C_E5)
    var parser = TerminalReplyParser()
    for _ in 0..<200 {
      var chunk: [UInt8] = []
      for _ in 0..<Int.random(in: 0...2000, using: &generator) {
        // Bias towards bytes that matter to the grammar.
        let interesting: [UInt8] = [
          0x1B, 0x5B, 0x3F, 0x3B, 0x50, 0x5F, 0x5C, 0x07, 0x63, 0x53, 0x74,
        ]
        chunk.append(
          Bool.random(using: &generator)
            ? interesting[Int.random(in: 0..<interesting.count, using: &generator)]
            : UInt8.random(in: 0...255, using: &generator))
      }
      parser.feed(chunk)
    }
    parser.feed(Array(sentinel.utf8))
    #expect(parser.sawStatusReport)
  }
}
