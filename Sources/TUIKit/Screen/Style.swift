/// How a cell is drawn: foreground and background colors plus text attributes.
public struct Style: Sendable, Hashable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var bold: Bool
  public var dim: Bool
  public var underline: Bool
  public var reverse: Bool

  public init(
    foreground: TerminalColor = .default, background: TerminalColor = .default,
    bold: Bool = false, dim: Bool = false, underline: Bool = false, reverse: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.dim = dim
    self.underline = underline
    self.reverse = reverse
  }

  /// The terminal's default colors with no attributes.
  public static let plain = Style()

  /// Compact form for snapshots, such as `fg=12 bg=#202020 BU`; `plain` when nothing is set.
  /// Attribute letters: B bold, D dim, U underline, R reverse.
  public var compactDescription: String {
    var parts: [String] = []
    if foreground != .default { parts.append("fg=" + foreground.compactDescription) }
    if background != .default { parts.append("bg=" + background.compactDescription) }
    let letters = [(bold, "B"), (dim, "D"), (underline, "U"), (reverse, "R")]
      .filter(\.0).map(\.1).joined()
    if !letters.isEmpty { parts.append(letters) }
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }
}
