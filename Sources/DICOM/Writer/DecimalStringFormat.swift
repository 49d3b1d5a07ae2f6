import Foundation

/// Formats numbers as DICOM Decimal Strings (PS3.5 6.2: at most 16 characters).
enum DecimalStringFormat {
  static let maximumLength = 16

  /// The shortest text that reads back as `value`, rounded only when 16 characters are too few.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    let shortest = String(value)
    if shortest.count <= maximumLength { return shortest }
    for digits in stride(from: 15, through: 1, by: -1) {
      let text = String(format: "%.\(digits)g", value)
      if text.count <= maximumLength { return text }
    }
    return "0"
  }
}
