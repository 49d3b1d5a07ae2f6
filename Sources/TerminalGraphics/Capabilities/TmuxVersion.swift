/// A tmux release number such as `3.3a`, ordered as releases are.
public struct TmuxVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var major: Int
  public var minor: Int
  /// A letter release suffix (`a` in `3.3a`): a fix release, ordered after the plain number.
  public var suffix: String

  public init(major: Int, minor: Int, suffix: String = "") {
    self.major = major
    self.minor = minor
    self.suffix = suffix
  }

  /// The first tmux release that can display sixel itself (when built with `--enable-sixel`).
  public static let firstWithSixel = TmuxVersion(major: 3, minor: 4)

  /// Parses `3.3a`, `3.4` or `next-3.5` (a development build of the next release); nil otherwise.
  public init?(_ text: String) {
    var rest = Substring(text.trimmingSpaces)
    if rest.hasPrefix("next-") { rest = rest.dropFirst("next-".count) }
    let majorDigits = rest.prefix { $0.isASCII && $0.isNumber }
    rest = rest.dropFirst(majorDigits.count)
    guard !majorDigits.isEmpty, majorDigits.count <= 4, let major = Int(majorDigits) else {
      return nil
    }
    var minor = 0
    if rest.first == "." {
      rest = rest.dropFirst()
      let minorDigits = rest.prefix { $0.isASCII && $0.isNumber }
      rest = rest.dropFirst(minorDigits.count)
      guard !minorDigits.isEmpty, minorDigits.count <= 4, let value = Int(minorDigits) else {
        return nil
      }
      minor = value
    }
    guard rest.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
    self.init(major: major, minor: minor, suffix: String(rest))
  }

  public var description: String { "\(major).\(minor)\(suffix)" }

  public static func < (lhs: TmuxVersion, rhs: TmuxVersion) -> Bool {
    (lhs.major, lhs.minor, lhs.suffix) < (rhs.major, rhs.minor, rhs.suffix)
  }
}
