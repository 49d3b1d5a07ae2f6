/// One item of the VOI LUT Sequence (0028,3010): a table from modality values to display values.
///
/// Entries run 0...2^bits - 1 (bits is the descriptor's third value: 8 or 10...16 for DX) and are
/// scaled linearly onto the output range; entries larger than the bits allow are clamped.
public struct VOILUT: Sendable, Equatable {
  public let table: LookupTable

  /// Wraps a table read from the VOI LUT Sequence item.
  public init(table: LookupTable) {
    self.table = table
  }

  /// The output for modality value `x`, scaled from 0...2^bits - 1 onto `range`.
  public func output(for x: Double, in range: ClosedRange<Double> = 0...255) -> Double {
    let maximum = Double(table.descriptor.maximumEntryValue)
    let fraction = min(Double(table.entry(for: x)) / maximum, 1)
    return fraction * (range.upperBound - range.lowerBound) + range.lowerBound
  }
}
