/// What the terminal can display, decided from its replies, the window size and the environment.
///
/// Replies decide, never `$TERM`: the environment only says whether colour is wanted, hints at
/// truecolor, and (through `$TMUX`) whether tmux sits in between.
public struct TerminalCapabilities: Sendable, Hashable {
  /// How the terminal was asked; `.notProbed` means every reply-based fact is a default.
  public var probeOutcome: ProbeOutcome
  /// The raw replies the facts were decided from (for a verbose report).
  public var replies: TerminalReplies
  /// The `ioctl(TIOCGWINSZ)` size, if it could be read.
  public var windowSize: WindowSize?

  /// DA1 lists parameter 4 (sixel graphics).
  public var supportsSixel: Bool
  /// Sixel colour registers after any raise; nil if the terminal did not say.
  public var colorRegisters: Int?
  /// The largest sixel image the terminal accepts (XTSMGRAPHICS `?2;4;0S`); nil if unknown.
  public var maximumSixelGeometry: PixelSize?
  /// One character cell in pixels.
  public var cellSize: PixelSize
  /// Which source `cellSize` came from.
  public var cellSizeSource: CellSizeSource
  /// The text area in pixels (border excluded); nil when only the default cell size is known.
  public var textAreaPixels: PixelSize?
  /// The terminal answered the kitty graphics query with OK.
  public var supportsKittyGraphics: Bool
  /// The terminal's name and version from XTVERSION (tmux's own when inside tmux).
  public var terminal: TerminalIdentity?
  /// tmux sits between annotty and the terminal (`$TMUX` set or XTVERSION names tmux).
  public var insideTmux: Bool
  /// tmux's version when inside tmux and known.
  public var tmuxVersion: TmuxVersion?
  /// XTVERSION names a terminal that implements iTerm2 inline images (iTerm2, WezTerm, Konsole).
  public var supportsITerm2Images: Bool
  /// `COLORTERM` is `truecolor` or `24bit`.
  public var truecolorHint: Bool
  /// `NO_COLOR` is set and non-empty, or `TERM=dumb`.
  public var colorDisabled: Bool
  /// `$TERM` names xterm but DA1 lacks sixel: worth telling the user how to enable it (§2.2).
  public var suggestsXtermSixelSetup: Bool

  /// Names (lower-cased XTVERSION names) of terminals that implement OSC 1337 inline images.
  public static let iTerm2ImageTerminals: Set<String> = ["iterm2", "wezterm", "konsole"]

  /// Decides the capabilities; `probeOutcome` defaults to `.answered` once a DSR sentinel arrived.
  public init(
    replies: TerminalReplies, windowSize: WindowSize?, environment: [String: String],
    probeOutcome: ProbeOutcome? = nil
  ) {
    self.probeOutcome = probeOutcome ?? (replies.statusReports > 0 ? .answered : .timedOut)
    self.replies = replies
    self.windowSize = windowSize

    let identity = replies.terminalVersion.flatMap { TerminalIdentity(versionReply: $0) }
    let namedTmux = identity?.name.lowercased() == "tmux"
    terminal = identity
    insideTmux = namedTmux || !(environment["TMUX"] ?? "").isEmpty
    tmuxVersion =
      insideTmux
      ? Self.tmuxVersion(identity: namedTmux ? identity : nil, environment: environment) : nil

    supportsSixel = Self.reportsSixel(replies.deviceAttributes)
    colorRegisters = replies.colorRegisters
    maximumSixelGeometry = replies.sixelGeometry
    supportsKittyGraphics =
      replies.kittyGraphics.map { $0.isOK && $0.imageID == CapabilityQuery.kittyImageID } ?? false
    supportsITerm2Images =
      identity.map { Self.iTerm2ImageTerminals.contains($0.name.lowercased()) } ?? false

    let cell = CellSizeDecision.decide(
      windowSize: windowSize, replies: replies, insideTmux: insideTmux)
    cellSize = cell.size
    cellSizeSource = cell.source
    textAreaPixels = Self.textArea(
      cell: cell, windowSize: windowSize, replies: replies, insideTmux: insideTmux)

    let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
    truecolorHint = colorTerm == "truecolor" || colorTerm == "24bit"
    let term = environment["TERM"] ?? ""
    colorDisabled = !(environment["NO_COLOR"] ?? "").isEmpty || term == "dumb"
    suggestsXtermSixelSetup =
      replies.deviceAttributes != nil && !supportsSixel && !supportsKittyGraphics && !insideTmux
      && term.contains("xterm")
  }

  /// Whether DA1 parameters announce sixel: `4` after the class (a first `4` means VT132).
  public static func reportsSixel(_ deviceAttributes: [Int]?) -> Bool {
    deviceAttributes?.dropFirst().contains(4) ?? false
  }

  private static func tmuxVersion(identity: TerminalIdentity?, environment: [String: String])
    -> TmuxVersion?
  {
    if let text = identity?.version, let version = TmuxVersion(text) { return version }
    // tmux 3.2+ exports these to programs in its panes; XTVERSION is still preferred.
    if environment["TERM_PROGRAM"] == "tmux", let text = environment["TERM_PROGRAM_VERSION"] {
      return TmuxVersion(text)
    }
    return nil
  }

  private static func textArea(
    cell: (size: PixelSize, source: CellSizeSource), windowSize: WindowSize?,
    replies: TerminalReplies, insideTmux: Bool
  ) -> PixelSize? {
    if let area = replies.textAreaPixels, area.width > 0, area.height > 0,
      area.width <= CellSizeDecision.largestPlausiblePixels,
      area.height <= CellSizeDecision.largestPlausiblePixels
    {
      return area
    }
    guard cell.source != .assumedDefault,
      let grid = CellSizeDecision.textGrid(
        windowSize: windowSize, replies: replies, insideTmux: insideTmux)
    else { return nil }
    return PixelSize(
      width: cell.size.width * grid.columns, height: cell.size.height * grid.rows)
  }
}
