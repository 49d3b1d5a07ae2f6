/// Expansion of Segmented Palette Color Lookup Table Data (PS3.3 C.7.9.2).
///
/// The data is a run of segments: discrete (opcode 0: count, then that many entries), linear
/// (opcode 1: count, end value; the count entries step from the previous entry to the end value,
/// the previous entry itself not repeated) and indirect (opcode 2: segment count, 32-bit byte
/// offset stored low word first; re-expands that many segments found at the offset). Each
/// opcode, count and value is one entry wide: a byte for 8-bit palettes, a word for 16-bit.
public enum SegmentedLUT {
  /// Expands segmented data read as little-endian 16-bit words (OW) for a palette with
  /// `bitsPerEntry` 8 or 16; 8-bit data is read byte by byte, low byte of each word first.
  ///
  /// Throws on an unknown opcode, a segment that runs past the data, a linear segment with no
  /// previous entry, an indirect segment that points at another indirect segment, or an
  /// expansion longer than `maximumCount`.
  public static func expand(
    _ words: [UInt16], bitsPerEntry: Int, maximumCount: Int = 65536
  ) throws(ImagingError) -> [UInt16] {
    let units: [Int]
    switch bitsPerEntry {
    case 8: units = words.flatMap { [Int($0 & 0xFF), Int($0 >> 8)] }
    case 16: units = words.map { Int($0) }
    default:
      throw .invalidSegmentedLUT(unit: 0, reason: "bits per entry \(bitsPerEntry) is not 8 or 16")
    }
    var expansion = Expansion(
      units: units, bytesPerUnit: bitsPerEntry / 8, maximumCount: maximumCount)
    var position = 0
    // A single unit left at the end is padding to an even length, not a segment.
    while position + 1 < units.count {
      position = try expansion.segment(at: position, allowIndirect: true)
    }
    return expansion.output
  }

  private struct Expansion {
    let units: [Int]
    let bytesPerUnit: Int
    let maximumCount: Int
    var output: [UInt16] = []

    init(units: [Int], bytesPerUnit: Int, maximumCount: Int) {
      self.units = units
      self.bytesPerUnit = bytesPerUnit
      self.maximumCount = maximumCount
    }

    /// Expands the segment starting at `start` and returns where the next one starts.
    mutating func segment(at start: Int, allowIndirect: Bool) throws(ImagingError) -> Int {
      guard start + 1 < units.count else {
        throw .invalidSegmentedLUT(unit: start, reason: "segment header runs past the data")
      }
      let opcode = units[start]
      let length = units[start + 1]
      switch opcode {
      case 0:
        let end = start + 2 + length
        guard end <= units.count else {
          throw .invalidSegmentedLUT(
            unit: start, reason: "discrete segment of \(length) entries runs past the data")
        }
        try append(units[(start + 2)..<end].map { UInt16($0) }, at: start)
        return end
      case 1:
        guard start + 2 < units.count else {
          throw .invalidSegmentedLUT(unit: start, reason: "linear segment has no end value")
        }
        guard let previous = output.last else {
          throw .invalidSegmentedLUT(unit: start, reason: "linear segment has no previous entry")
        }
        try append(Self.ramp(from: previous, to: units[start + 2], count: length), at: start)
        return start + 3
      case 2:
        guard allowIndirect else {
          throw .invalidSegmentedLUT(
            unit: start, reason: "indirect segment copies another indirect segment")
        }
        let offsetUnits = 4 / bytesPerUnit
        let end = start + 2 + offsetUnits
        guard end <= units.count else {
          throw .invalidSegmentedLUT(unit: start, reason: "indirect segment has no offset")
        }
        var byteOffset = 0
        let bitsPerUnit = bytesPerUnit * 8
        for index in 0..<offsetUnits {
          byteOffset |= units[start + 2 + index] << (index * bitsPerUnit)
        }
        // The offset counts bytes from the start of the data (PS3.3 C.7.9.2.3).
        var position = byteOffset / bytesPerUnit
        for _ in 0..<length {
          position = try segment(at: position, allowIndirect: false)
        }
        return end
      default:
        throw .invalidSegmentedLUT(unit: start, reason: "unknown segment opcode \(opcode)")
      }
    }

    private mutating func append(_ entries: [UInt16], at start: Int) throws(ImagingError) {
      guard output.count + entries.count <= maximumCount else {
        throw .invalidSegmentedLUT(
          unit: start, reason: "expands past \(maximumCount) entries")
      }
      output.append(contentsOf: entries)
    }

    /// `count` values stepping evenly from just after `start` to `end`, rounded half to even
    /// as pydicom's `np.around` does.
    static func ramp(from start: UInt16, to end: Int, count: Int) -> [UInt16] {
      guard count > 0 else { return [] }
      let first = Double(start)
      let step = (Double(end) - first) / Double(count)
      return (1...count).map { index in
        let value = (first + step * Double(index)).rounded(.toNearestOrEven)
        return UInt16(min(max(value, 0), 65535))
      }
    }
  }
}
