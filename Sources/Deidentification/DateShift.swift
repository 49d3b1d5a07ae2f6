import Foundation

/// Shifts DA and DT values by whole days (Retain Longitudinal ... Modified Dates Option).
enum DateShift {
  /// Each backslash-separated value shifted; nil when any value is not a full date.
  static func shifted(_ text: String, byDays days: Int) -> String? {
    let values = text.split(separator: "\\", omittingEmptySubsequences: false)
    var output: [String] = []
    for value in values {
      let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
      if trimmed.isEmpty {
        output.append("")
        continue
      }
      // A DT keeps its time of day and offset: a whole-day shift does not touch them.
      guard trimmed.count >= 8, let date = shiftedDate(String(trimmed.prefix(8)), days: days)
      else { return nil }
      output.append(date + trimmed.dropFirst(8))
    }
    return output.joined(separator: "\\")
  }

  private static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar
  }()

  private static func shiftedDate(_ text: String, days: Int) -> String? {
    guard text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
      let year = Int(text.prefix(4)), let month = Int(text.dropFirst(4).prefix(2)),
      let day = Int(text.dropFirst(6).prefix(2)), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    let components = DateComponents(year: year, month: month, day: day)
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day,
      let moved = calendar.date(byAdding: .day, value: days, to: date)
    else { return nil }
    let parts = calendar.dateComponents([.year, .month, .day], from: moved)
    guard let newYear = parts.year, let newMonth = parts.month, let newDay = parts.day,
      (1...9999).contains(newYear)
    else { return nil }
    return pad(newYear, 4) + pad(newMonth, 2) + pad(newDay, 2)
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
