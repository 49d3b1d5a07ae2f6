/// A terminal's name and version as its XTVERSION reply gives them (`XTerm(379)`, `tmux 3.3a`).
public struct TerminalIdentity: Sendable, Hashable {
  public var name: String
  public var version: String?

  public init(name: String, version: String?) {
    self.name = name
    self.version = version
  }

  /// Splits XTVERSION text at the first `(` or space; nil when there is no name.
  public init?(versionReply text: String) {
    let trimmed = text.trimmingSpaces
    guard let split = trimmed.firstIndex(where: { $0 == "(" || $0 == " " }) else {
      guard !trimmed.isEmpty else { return nil }
      self.init(name: trimmed, version: nil)
      return
    }
    let name = String(trimmed[..<split])
    guard !name.isEmpty else { return nil }
    var rest = Substring(trimmed[split...].trimmingSpaces)
    if rest.hasPrefix("(") && rest.hasSuffix(")") { rest = rest.dropFirst().dropLast() }
    let version = rest.trimmingSpaces
    self.init(name: name, version: version.isEmpty ? nil : version)
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
