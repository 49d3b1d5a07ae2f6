/// The graphics protocol to use and a sentence saying why (for `annotty show` in verbose mode).
public struct ProtocolChoice: Sendable, Hashable {
  public var graphicsProtocol: GraphicsProtocol
  public var reason: String

  public init(graphicsProtocol: GraphicsProtocol, reason: String) {
    self.graphicsProtocol = graphicsProtocol
    self.reason = reason
  }

  /// Picks kitty, then iTerm2, then sixel, then half-blocks; an override always wins.
  ///
  /// Inside tmux older than 3.4, or of unknown version, half-blocks are chosen even when the
  /// outer terminal could draw sixel: tmux 3.3a swallows images without a trace.
  public static func choose(_ capabilities: TerminalCapabilities, override: GraphicsProtocol?)
    -> ProtocolChoice
  {
    if let override {
      return ProtocolChoice(
        graphicsProtocol: override, reason: "\(override.rawValue) was requested explicitly")
    }
    if capabilities.insideTmux {
      guard let version = capabilities.tmuxVersion, version >= TmuxVersion.firstWithSixel else {
        let seen = capabilities.tmuxVersion.map { "tmux \($0)" } ?? "tmux of unknown version"
        return ProtocolChoice(
          graphicsProtocol: .blocks,
          reason: "inside \(seen), which drops images (sixel needs tmux 3.4 or later)")
      }
    }
    let terminalName = capabilities.terminal?.name ?? "the terminal"
    if capabilities.supportsKittyGraphics {
      return ProtocolChoice(
        graphicsProtocol: .kitty, reason: "\(terminalName) answered the kitty graphics query")
    }
    if capabilities.supportsITerm2Images {
      return ProtocolChoice(
        graphicsProtocol: .iterm2,
        reason: "XTVERSION names \(terminalName), which shows iTerm2 inline images")
    }
    if capabilities.supportsSixel {
      let registers = capabilities.colorRegisters.map { "\($0) colour registers" }
      let tmuxNote = capabilities.tmuxVersion.map { ", inside tmux \($0)" }
      let details = [registers, tmuxNote].compactMap { $0 }.joined()
      return ProtocolChoice(
        graphicsProtocol: .sixel,
        reason: "DA1 announces sixel" + (details.isEmpty ? "" : " (\(details))"))
    }
    return ProtocolChoice(
      graphicsProtocol: .blocks,
      reason: noGraphicsReason(capabilities.probeOutcome))
  }

  private static func noGraphicsReason(_ outcome: ProbeOutcome) -> String {
    switch outcome {
    case .answered:
      return "the terminal announced no graphics protocol"
    case .timedOut:
      return "the terminal did not answer in time"
    case .notProbed(let reason), .failed(let reason):
      return "the terminal was not asked (\(reason))"
    }
  }
}
