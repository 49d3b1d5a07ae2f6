/// Numbers as the status line shows them, without Foundation's locale-dependent formatting.
enum NumberText {
  /// Whole numbers without a decimal point (`80`), others with one decimal (`40.5`).
  static func compact(_ value: Double) -> String {
    guard value.isFinite else { return "?" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return fixed(value, decimals: 1)
  }

  /// `value` rounded to `decimals` places, always showing them (`-12.50`).
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "?" }
    var factor = 1.0
    for _ in 0..<max(0, decimals) { factor *= 10 }
    let scaled = Int((abs(value) * factor).rounded())
    let whole = scaled / Int(factor)
    let fraction = scaled % Int(factor)
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(whole) }
    let digits = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count)
      + digits
  }

  /// `value` with at most `decimals` places and no trailing zeros (`1`, `1.25`, `1.6`).
  static func trimmed(_ value: Double, decimals: Int) -> String {
    var text = fixed(value, decimals: decimals)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
