/// How the terminal was (or was not) asked, which says how far to trust missing replies.
public enum ProbeOutcome: Sendable, Hashable {
  /// Every round's DSR sentinel came back: a query without a reply is unsupported.
  case answered
  /// The time budget ran out before a sentinel: the link may be slow or the terminal not VT-like.
  case timedOut
  /// Nothing was written, for the reason given (e.g. stdout is not a terminal).
  case notProbed(reason: String)
  /// An I/O error stopped the probe; the terminal settings were still restored.
  case failed(reason: String)
}
