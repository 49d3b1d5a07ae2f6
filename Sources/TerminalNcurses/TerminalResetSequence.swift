/// The bytes that put a terminal back to normal after annotty: attributes off, cursor visible,
/// keypad and mouse reporting off, bracketed paste off, alternate screen left.
public enum TerminalResetSequence {
  /// Mouse tracking modes (X10, button, any-motion, SGR) and bracketed paste, all off.
  public static let modesOff = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l\u{1B}[?2004l"

  /// The reset for a terminal whose terminfo strings are `capability`, falling back to xterm's
  /// when one is missing; terminfo padding (`$<5>`) is removed because nothing waits for it.
  public static func bytes(capability: (String) -> String?) -> [UInt8] {
    let attributesOff = capability("sgr0") ?? "\u{1B}[m"
    let cursorVisible = capability("cnorm") ?? "\u{1B}[?25h"
    let keypadOff = capability("rmkx") ?? "\u{1B}[?1l\u{1B}>"
    let leaveAlternateScreen = capability("rmcup") ?? "\u{1B}[?1049l"
    let text = [attributesOff, cursorVisible, keypadOff, modesOff, leaveAlternateScreen]
      .map(withoutPadding).joined()
    return Array(text.utf8)
  }

  /// `text` without terminfo delay markers `$<...>`.
  static func withoutPadding(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let start = rest.range(of: "$<") {
      result += rest[..<start.lowerBound]
      guard let end = rest[start.upperBound...].firstIndex(of: ">") else {
        rest = rest[start.lowerBound...]
        break
      }
      rest = rest[rest.index(after: end)...]
    }
    return result + rest
  }
}
