/// Pixel Padding Value (0028,0120) with the optional Pixel Padding Range Limit (0028,0121).
///
/// Both are stored values (PS3.3 C.7.5.1.1.2), so they are compared with samples before the
/// Modality LUT. With a range limit, every stored value between the two, inclusive, is padding.
public struct PixelPadding: Sendable, Equatable {
  public let value: Int
  public let rangeLimit: Int?

  /// Takes the two attributes as read (signed when Pixel Representation is 1).
  public init(value: Int, rangeLimit: Int? = nil) {
    self.value = value
    self.rangeLimit = rangeLimit
  }

  /// The padded stored values; the range limit may lie on either side of the value.
  public var storedValues: ClosedRange<Int> {
    guard let rangeLimit else { return value...value }
    return min(value, rangeLimit)...max(value, rangeLimit)
  }

  /// Whether an integer stored value is padding.
  public func contains(stored: Int) -> Bool {
    storedValues.contains(stored)
  }

  /// Whether a real stored value is padding.
  public func contains(stored: Double) -> Bool {
    let values = storedValues
    return stored >= Double(values.lowerBound) && stored <= Double(values.upperBound)
  }
}
