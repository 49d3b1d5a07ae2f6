/// A terminal color: the terminal's default, an index in the 256-color palette, or 24-bit RGB.
public enum TerminalColor: Sendable, Hashable {
  case `default`
  case indexed(UInt8)
  case rgb(red: UInt8, green: UInt8, blue: UInt8)

  /// The 16 ANSI names in palette order; `bright-` names are indices 8...15.
  public static let ansiNames: [String] = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
    "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
    "bright-magenta", "bright-cyan", "bright-white",
  ]

  /// Parses `#rrggbb`, an ANSI name (`red`, `bright-red`) or `default`; nil when not a color.
  public init?(name text: String) {
    let lowered = text.lowercased()
    if lowered == "default" {
      self = .default
      return
    }
    if let index = Self.ansiNames.firstIndex(of: lowered) {
      self = .indexed(UInt8(index))
      return
    }
    guard lowered.hasPrefix("#"), lowered.count == 7,
      let value = UInt32(lowered.dropFirst(), radix: 16)
    else { return nil }
    self = .rgb(
      red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
  }

  /// Compact form for snapshots: `default`, the index, or `#rrggbb`.
  public var compactDescription: String {
    switch self {
    case .default: return "default"
    case .indexed(let index): return String(index)
    case .rgb(let red, let green, let blue):
      return "#" + [red, green, blue].map { hexByte($0) }.joined()
    }
  }
}

private func hexByte(_ value: UInt8) -> String {
  let digits = Array("0123456789abcdef")
  return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
}
