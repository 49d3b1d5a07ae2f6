/// The three values of a LUT Descriptor (PS3.3 C.11.1.1.1): size, first input mapped, bits per entry.
public struct LUTDescriptor: Sendable, Equatable {
  /// Number of entries, 1...65536 (a stored 0 means 65536).
  public let entryCount: Int
  /// The stored (or modality) value mapped to entry 0; may be negative for signed data.
  public let firstMappedValue: Int
  /// Bits per entry, 1...16.
  public let bitsPerEntry: Int

  /// Builds a descriptor from the raw attribute values, reading an entry count of 0 as 65536.
  public init(entryCount: Int, firstMappedValue: Int, bitsPerEntry: Int) throws(ImagingError) {
    let raw = [entryCount, firstMappedValue, bitsPerEntry]
    guard (0...65536).contains(entryCount), (1...16).contains(bitsPerEntry) else {
      throw .invalidLUTDescriptor(raw)
    }
    self.entryCount = entryCount == 0 ? 65536 : entryCount
    self.firstMappedValue = firstMappedValue
    self.bitsPerEntry = bitsPerEntry
  }

  /// Builds a descriptor from the attribute's values as read (VM 3).
  public init(_ values: [Int]) throws(ImagingError) {
    guard values.count == 3 else { throw .invalidLUTDescriptor(values) }
    try self.init(entryCount: values[0], firstMappedValue: values[1], bitsPerEntry: values[2])
  }

  /// The largest value an entry can hold, 2^bits - 1.
  public var maximumEntryValue: Int { (1 << bitsPerEntry) - 1 }
}
