/// How half-block output colours its cells.
public enum BlockColorMode: String, Sendable, Hashable, CaseIterable {
  /// 24-bit SGR (`38;2;g;g;g`): all 256 grays.
  case truecolor
  /// The 256-colour palette's gray ramp (232-255) plus the colour cube's grays.
  case palette256
  /// No colour at all (`NO_COLOR`, `TERM=dumb`): gray shown with ASCII characters.
  case ascii

  /// Colour off wins, then the truecolor hint, else the 256-colour palette; an override wins over all.
  public static func choose(_ capabilities: TerminalCapabilities, override: BlockColorMode? = nil)
    -> BlockColorMode
  {
    if let override { return override }
    if capabilities.colorDisabled { return .ascii }
    return capabilities.truecolorHint ? .truecolor : .palette256
  }
}
