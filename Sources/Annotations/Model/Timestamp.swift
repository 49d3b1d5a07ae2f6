/// A moment in UTC with millisecond precision; JSON form `2026-03-01T09:30:00.000Z`.
///
/// A plain value rather than `Date` so the JSON text is fixed by this type, not by an encoder's
/// date strategy, and so values compare exactly after a round trip.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var millisecondsSinceEpoch: Int64

  public init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  /// The instant `year-month-day hour:minute:second.millisecond` UTC; nil for an invalid date
  /// or a year outside 1...9999.
  public init?(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
    millisecond: Int = 0
  ) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Timestamp.daysIn(month: month, year: year)).contains(day), (0...23).contains(hour),
      (0...59).contains(minute), (0...59).contains(second), (0...999).contains(millisecond)
    else { return nil }
    let days = Int64(Timestamp.daysFromCivil(year: year, month: month, day: day))
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    self.millisecondsSinceEpoch = seconds * 1000 + Int64(millisecond)
  }

  /// Parses exactly `YYYY-MM-DDTHH:MM:SS.sssZ` (the form `description` prints).
  public init?(iso8601 text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
      bytes[23] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      let millisecond = number(20..<23)
    else { return nil }
    self.init(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second,
      millisecond: millisecond)
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }

  /// ISO 8601 in UTC with milliseconds; nil outside years 1...9999.
  public var iso8601: String? {
    let milliseconds = millisecondsSinceEpoch
    let (days, remainder) = Timestamp.floorDivide(milliseconds, 86_400_000)
    let (year, month, day) = Timestamp.civilFromDays(days)
    guard (1...9999).contains(year) else { return nil }
    let millisecond = Int(remainder % 1000)
    let secondsOfDay = Int(remainder / 1000)
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T"
      + "\(padded(secondsOfDay / 3600, 2)):\(padded(secondsOfDay / 60 % 60, 2)):"
      + "\(padded(secondsOfDay % 60, 2)).\(padded(millisecond, 3))Z"
  }

  public var description: String { iso8601 ?? "\(millisecondsSinceEpoch) ms since 1970" }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let timestamp = Timestamp(iso8601: text) else {
      throw DecodingError.dataCorruptedError(
        in: container,
        debugDescription: "timestamp \"\(text)\" is not YYYY-MM-DDTHH:MM:SS.sssZ (UTC)")
    }
    self = timestamp
  }

  public func encode(to encoder: any Encoder) throws {
    guard let text = iso8601 else {
      throw EncodingError.invalidValue(
        self,
        EncodingError.Context(
          codingPath: encoder.codingPath, debugDescription: "timestamp outside years 1...9999"))
    }
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // Proleptic Gregorian conversions after Howard Hinnant's published civil-date algorithms.
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
    // Out-of-range inputs only need to land outside 1...9999, not be exact.
    let shifted = Int(clamping: max(min(days, 1 << 40), -(1 << 40))) + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}
