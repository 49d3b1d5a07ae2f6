/// The exact bytes annotty writes to ask the terminal what it can do, in two rounds.
///
/// Each round ends with DSR (`CSI 5 n`). Terminals handle input in order and every VT-compatible
/// terminal answers DSR, so once its `CSI 0 n` reply arrives, any query still unanswered is
/// unsupported.
public enum CapabilityQuery {
  /// The image id used in the kitty graphics query; the reply must name it.
  public static let kittyImageID = 31

  /// Colour registers asked for in round 2; enough for sixel's 101 gray percentages.
  public static let wantedColorRegisters = 256

  /// DSR "report status": the sentinel that ends every round.
  public static let statusReport = controlSequence("5n")

  /// Round 1: DA1, XTVERSION, kitty query, XTSMGRAPHICS registers and max geometry, 14t, 16t, DSR.
  public static let firstRound: [UInt8] = firstRound(includingKittyQuery: true)

  /// Round 1 for where annotty runs: inside tmux (`$TMUX` set) without the kitty query, because
  /// tmux before 3.4 takes an APC string as the pane title and shows it in the status line.
  public static func firstRound(environment: [String: String]) -> [UInt8] {
    (environment["TMUX"] ?? "").isEmpty ? firstRound : firstRound(includingKittyQuery: false)
  }

  private static func firstRound(includingKittyQuery: Bool) -> [UInt8] {
    controlSequence("c")  // DA1
      + controlSequence(">q")  // XTVERSION
      + (includingKittyQuery ? kittyGraphicsQuery : [])
      + controlSequence("?1;1;0S")  // XTSMGRAPHICS: read colour registers
      + controlSequence("?2;4;0S")  // XTSMGRAPHICS: read maximum sixel geometry
      + controlSequence("14t")  // text area in pixels
      + controlSequence("16t")  // cell size in pixels
      + statusReport
  }

  /// Round 2: raise the colour registers to 256, then DSR.
  public static let raiseColorRegisters: [UInt8] =
    controlSequence("?1;3;\(wantedColorRegisters)S") + statusReport

  /// The kitty graphics query: a 1x1 RGB image, query only (`a=q`), so nothing is stored or drawn.
  public static let kittyGraphicsQuery: [UInt8] =
    [0x1B] + Array("_Ga=q,i=\(kittyImageID),s=1,v=1,t=d,f=24;AAAA".utf8) + [
      0x1B, UInt8(ascii: "\\"),
    ]

  /// The bytes of round 2 when round 1's replies call for it, otherwise nil.
  ///
  /// Only a sixel terminal that reported fewer than 256 registers is asked: a terminal with 1024 is
  /// never lowered, and one that did not report a count is left alone.
  public static func secondRound(after replies: TerminalReplies) -> [UInt8]? {
    guard TerminalCapabilities.reportsSixel(replies.deviceAttributes),
      let registers = replies.colorRegisters, registers < wantedColorRegisters
    else { return nil }
    return raiseColorRegisters
  }

  private static func controlSequence(_ body: String) -> [UInt8] {
    [0x1B, UInt8(ascii: "[")] + Array(body.utf8)
  }
}
