/// Everything the terminal answered to the capability queries, recorded as sent (no judgement).
///
/// Later replies of the same kind replace earlier ones, except XTSMGRAPHICS replies, which are
/// kept in arrival order because a failed request must not hide an earlier success.
public struct TerminalReplies: Sendable, Hashable {
  /// DA1 parameters after `CSI ?` (the first is the terminal class, e.g. 64; `4` = sixel).
  public var deviceAttributes: [Int]?
  /// XTVERSION text, e.g. `XTerm(379)` or `tmux 3.3a` (control characters removed).
  public var terminalVersion: String?
  /// The latest kitty graphics reply.
  public var kittyGraphics: KittyGraphicsReply?
  /// XTSMGRAPHICS replies in arrival order (at most `maximumGraphicsAttributeReplies`).
  public var graphicsAttributes: [GraphicsAttributeReply] = []
  /// `CSI 4 ; height ; width t`: the text area in pixels.
  public var textAreaPixels: PixelSize?
  /// `CSI 6 ; height ; width t`: one character cell in pixels.
  public var cellPixels: PixelSize?
  /// `CSI 8 ; rows ; cols t`, raw (tmux 3.3a swaps rows and columns).
  public var textAreaCells: TextAreaCells?
  /// DECRQM replies by mode number (at most `maximumModeReplies` modes).
  public var privateModes: [Int: PrivateModeState] = [:]
  /// How many `CSI 0 n` (DSR "terminal OK") replies arrived: the sentinel after each query round.
  public var statusReports = 0

  public init() {}

  /// Bound on stored XTSMGRAPHICS replies so hostile input cannot grow memory.
  public static let maximumGraphicsAttributeReplies = 16
  /// Bound on stored DECRQM replies so hostile input cannot grow memory.
  public static let maximumModeReplies = 64

  /// The colour register count from the latest successful XTSMGRAPHICS item 1 reply.
  public var colorRegisters: Int? {
    latestSuccess(item: GraphicsAttributeReply.colorRegistersItem)
      .flatMap { $0.values.first }
      .flatMap { $0 > 0 ? $0 : nil }
  }

  /// The sixel geometry from the latest successful XTSMGRAPHICS item 2 reply.
  public var sixelGeometry: PixelSize? {
    guard let reply = latestSuccess(item: GraphicsAttributeReply.sixelGeometryItem),
      reply.values.count >= 2, reply.values[0] > 0, reply.values[1] > 0
    else { return nil }
    return PixelSize(width: reply.values[0], height: reply.values[1])
  }

  private func latestSuccess(item: Int) -> GraphicsAttributeReply? {
    graphicsAttributes.last { $0.item == item && $0.succeeded }
  }
}
