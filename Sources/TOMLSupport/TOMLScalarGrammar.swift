/// The TOML 1.0 grammar of unquoted values (numbers, booleans, dates and times).
///
/// toml++ 3 asserts on some malformed unquoted values (a date followed by `t` and a non-digit,
/// for one) instead of reporting them, so they are checked here before TOMLKit parses.
/// Compiled once per document scanned (Regex is not Sendable, so it cannot be a shared static).
struct TOMLScalarGrammar {
  private let patterns: [Regex<AnyRegexOutput>]

  init() {
    let decimal = "(0|[1-9](_?[0-9])*)"
    let digits = "[0-9](_?[0-9])*"
    let time = "[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?"
    let offset = "([Zz]|[+-][0-9]{2}:[0-9]{2})"
    let sources = [
      "true|false",
      "[+-]?(inf|nan)",
      "[+-]?\(decimal)",
      "0x[0-9A-Fa-f](_?[0-9A-Fa-f])*",
      "0o[0-7](_?[0-7])*",
      "0b[01](_?[01])*",
      "[+-]?\(decimal)(\\.\(digits))?([eE][+-]?\(digits))?",
      "[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ]\(time)\(offset)?)?",
      time,
    ]
    // The sources are constants; a pattern that failed to compile would only reject more text.
    patterns = sources.compactMap { try? Regex("^(\($0))$") }
  }

  /// Whether `token` (without surrounding whitespace) is a valid unquoted TOML value.
  func isValid(_ token: Substring) -> Bool {
    patterns.contains { token.wholeMatch(of: $0) != nil }
  }
}
