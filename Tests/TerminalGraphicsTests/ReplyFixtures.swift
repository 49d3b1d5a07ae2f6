import TerminalGraphics
import TestSupport
import Testing

/// Replies real terminals sent (reference §2.1), with the window size they reported.
struct TerminalFixture: Sendable, CustomTestStringConvertible {
  var name: String
  /// Each reply separately, in the order the terminal sent them (DSR sentinel last).
  var replies: [String]
  var windowSize: WindowSize

  var bytes: [UInt8] { Array(replies.joined().utf8) }
  var testDescription: String { name }
}

let esc = "\u{1B}"
let csi = "\u{1B}["
let st = "\u{1B}\\"
let sentinel = "\u{1B}[0n"

enum Fixtures {
  static let xtermDefault = TerminalFixture(
    name: "xterm 379 default",
    replies: [
      "\(csi)?64;1;2;6;9;15;16;17;18;21;22;28c",
      "\(csi)?1;3;0S",
      "\(csi)?2;3;0S",
      sentinel,
    ],
    windowSize: WindowSize(rows: 30, columns: 100, pixelWidth: 604, pixelHeight: 394))

  static let xtermVT340 = TerminalFixture(
    name: "xterm -ti vt340",
    replies: [
      "\(csi)?63;1;2;4;6;9;15;16;22;28c",
      "\(csi)?1;0;1024S",
      "\(csi)?2;0;1000;1000S",
      sentinel,
    ],
    windowSize: WindowSize(rows: 30, columns: 100, pixelWidth: 604, pixelHeight: 394))

  /// `XTerm*decGraphicsID: vt340`: sixel in DA1, a VT420 otherwise, 16 colour registers.
  static let xtermGraphicsIDVT340 = TerminalFixture(
    name: "xterm decGraphicsID vt340",
    replies: [
      "\(csi)?64;1;2;4;6;9;15;16;17;18;21;22;28c",
      "\(csi)?1;0;16S",
      "\(csi)?2;0;1000;1000S",
      sentinel,
    ],
    windowSize: WindowSize(rows: 30, columns: 100, pixelWidth: 604, pixelHeight: 394))

  static let xtermTuned = TerminalFixture(
    name: "xterm tuned",
    replies: [
      "\(csi)?63;1;2;4;6;9;15;16;22;28c",
      "\u{1B}P>|XTerm(379)\(st)",
      "\(csi)?1;0;256S",
      "\(csi)?2;0;4096;4096S",
      "\(csi)4;765;960t",
      "\(csi)6;17;8t",
      sentinel,
    ],
    windowSize: WindowSize(rows: 45, columns: 120, pixelWidth: 964, pixelHeight: 769))

  /// mlterm answers the geometry query with a bogus item-1 error.
  static let mlterm = TerminalFixture(
    name: "mlterm 3.9",
    replies: [
      "\(csi)?63;1;2;3;4;6;7;15;18;22;29c",
      "\(csi)?1;0;1024S",
      "\(csi)?1;3;0S",
      "\(csi)4;630;720t",
      "\(csi)6;14;6t",
      sentinel,
    ],
    windowSize: WindowSize(rows: 45, columns: 120, pixelWidth: 720, pixelHeight: 630))

  /// tmux 3.3a inside xterm, with its (swapped) answer to `CSI 18t` as well.
  static let tmux33a = TerminalFixture(
    name: "tmux 3.3a",
    replies: [
      "\(csi)?1;2c",
      "\u{1B}P>|tmux 3.3a\(st)",
      "\(csi)8;120;44t",
      sentinel,
    ],
    windowSize: WindowSize(rows: 44, columns: 120, pixelWidth: 960, pixelHeight: 748))

  /// A kitty-style terminal: OK to the graphics query, BEL-terminated XTVERSION.
  static let kitty = TerminalFixture(
    name: "kitty-style",
    replies: [
      "\(csi)?62;c",
      "\u{1B}P>|kitty(0.31.0)\u{07}",
      "\u{1B}_Gi=31;OK\(st)",
      "\(csi)4;900;1600t",
      "\(csi)6;20;10t",
      sentinel,
    ],
    windowSize: WindowSize(rows: 45, columns: 160, pixelWidth: 1600, pixelHeight: 900))

  static let all = [
    xtermDefault, xtermVT340, xtermGraphicsIDVT340, xtermTuned, mlterm, tmux33a, kitty,
  ]
}

func parse(_ bytes: [UInt8]) -> TerminalReplies {
  var parser = TerminalReplyParser()
  parser.feed(bytes)
  return parser.replies
}

func parse(_ text: String) -> TerminalReplies { parse(Array(text.utf8)) }

/// A small deterministic generator (SplitMix64) so chunking and junk tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
