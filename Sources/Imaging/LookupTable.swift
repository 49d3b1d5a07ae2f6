/// A LUT Descriptor with its data, one entry per element, looked up with DICOM's clamping.
///
/// Inputs below the first mapped value give entry 0 and inputs past the end give the last entry,
/// as pydicom's `apply_modality_lut` does. When the data is shorter than the descriptor says,
/// the last entry present is the last entry.
public struct LookupTable: Sendable, Equatable {
  public let descriptor: LUTDescriptor
  public let entries: [UInt16]

  /// Pairs a descriptor with its data; the data must hold at least one entry.
  public init(descriptor: LUTDescriptor, entries: [UInt16]) throws(ImagingError) {
    guard !entries.isEmpty else { throw .emptyLUTData(what: "LUT Data") }
    self.descriptor = descriptor
    self.entries = entries
  }

  /// The index of the last entry that both the descriptor and the data have.
  var lastIndex: Int { min(descriptor.entryCount, entries.count) - 1 }

  /// The entry for an integer input value.
  public func entry(for input: Int) -> UInt16 {
    let offset = input.subtractingReportingOverflow(descriptor.firstMappedValue)
    let index: Int
    if offset.overflow {
      index = input < 0 ? 0 : lastIndex
    } else {
      index = min(max(offset.partialValue, 0), lastIndex)
    }
    return entries[index]
  }

  /// The entry for a real input value; fractions are dropped toward the first entry and NaN
  /// maps to entry 0.
  public func entry(for input: Double) -> UInt16 {
    let offset = (input - Double(descriptor.firstMappedValue)).rounded(.down)
    guard offset >= 1 else { return entries[0] }
    guard offset < Double(lastIndex) else { return entries[lastIndex] }
    return entries[Int(offset)]
  }
}
