import DICOM

/// The red, green and blue Palette Color Lookup Tables of a PALETTE COLOR image (PS3.3
/// C.7.6.3.1.5, C.7.9), reduced to display bytes.
///
/// 16-bit entries keep their high byte (`>> 8`). Indices below the first mapped value take entry
/// 0 and indices past the end the last entry, as pydicom's `apply_color_lut` does.
public struct PaletteColorLUT: Sendable, Equatable {
  /// One color channel: first mapped value and one display byte per entry.
  public struct Channel: Sendable, Equatable {
    public let firstMappedValue: Int
    public let bytes: [UInt8]

    /// The display byte for a stored index.
    public func byte(for index: Int) -> UInt8 {
      let offset = index.subtractingReportingOverflow(firstMappedValue)
      let last = bytes.count - 1
      guard !offset.overflow else { return index < 0 ? bytes[0] : bytes[last] }
      return bytes[min(max(offset.partialValue, 0), last)]
    }
  }

  public let red: Channel
  public let green: Channel
  public let blue: Channel

  /// Reads Red/Green/Blue Palette Color Lookup Table Descriptor and Data (0028,1101-1103 and
  /// 0028,1201-1203), the data as little-endian 16-bit words (OW).
  ///
  /// With 8 bits per entry the data may hold two entries per word (low byte first) or one entry
  /// per word; one per word whose values exceed 255 is read as 16-bit, as dcmtk does.
  public init(
    red: LUTDescriptor, redData: [UInt16], green: LUTDescriptor, greenData: [UInt16],
    blue: LUTDescriptor, blueData: [UInt16]
  ) throws(ImagingError) {
    self.red = try Self.channel(red, words: redData, name: "Red")
    self.green = try Self.channel(green, words: greenData, name: "Green")
    self.blue = try Self.channel(blue, words: blueData, name: "Blue")
  }

  /// Reads the descriptors and Segmented Red/Green/Blue Palette Color Lookup Table Data
  /// (0028,1221-1223), expanding the segments (see `SegmentedLUT`).
  public init(
    red: LUTDescriptor, segmentedRedData: [UInt16], green: LUTDescriptor,
    segmentedGreenData: [UInt16], blue: LUTDescriptor, segmentedBlueData: [UInt16]
  ) throws(ImagingError) {
    self.red = try Self.segmentedChannel(red, words: segmentedRedData, name: "Red")
    self.green = try Self.segmentedChannel(green, words: segmentedGreenData, name: "Green")
    self.blue = try Self.segmentedChannel(blue, words: segmentedBlueData, name: "Blue")
  }

  /// The display color of one stored index.
  public func color(for index: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
    (red.byte(for: index), green.byte(for: index), blue.byte(for: index))
  }

  /// Maps every index of a single-sample integer frame to its color.
  public func render(_ frame: PixelFrame) throws(ImagingError) -> RGBImage {
    try frame.checkShape(samplesPerPixel: 1)
    let pixels: [UInt8]
    switch frame.samples {
    case .uint8(let v): pixels = colors(of: v)
    case .int8(let v): pixels = colors(of: v)
    case .uint16(let v): pixels = colors(of: v)
    case .int16(let v): pixels = colors(of: v)
    case .uint32(let v): pixels = colors(of: v)
    case .int32(let v): pixels = colors(of: v)
    case .float32, .float64:
      throw .unsupportedFrame("PALETTE COLOR needs integer indices, not floating point samples")
    }
    return RGBImage(width: frame.columns, height: frame.rows, pixels: pixels)
  }

  private func colors<T: FixedWidthInteger>(of indices: [T]) -> [UInt8] {
    var pixels = [UInt8]()
    pixels.reserveCapacity(indices.count * 3)
    for index in indices {
      let value = Int(index)
      pixels.append(red.byte(for: value))
      pixels.append(green.byte(for: value))
      pixels.append(blue.byte(for: value))
    }
    return pixels
  }

  private static func channel(
    _ descriptor: LUTDescriptor, words: [UInt16], name: String
  ) throws(ImagingError) -> Channel {
    let count = descriptor.entryCount
    let entries: [UInt16]
    let isSixteenBit: Bool
    switch descriptor.bitsPerEntry {
    case 16:
      entries = Array(words.prefix(count))
      isSixteenBit = true
    case 8 where words.count < count:
      // Two 8-bit entries packed in each word, the first in the low byte.
      entries = Array(words.flatMap { [$0 & 0xFF, $0 >> 8] }.prefix(count))
      isSixteenBit = false
    case 8:
      entries = Array(words.prefix(count))
      isSixteenBit = entries.contains { $0 > 255 }
    default:
      throw .invalidLUTDescriptor([count, descriptor.firstMappedValue, descriptor.bitsPerEntry])
    }
    guard !entries.isEmpty else {
      throw .emptyLUTData(what: "\(name) Palette Color Lookup Table Data")
    }
    let bytes = entries.map { UInt8(truncatingIfNeeded: isSixteenBit ? $0 >> 8 : $0) }
    return Channel(firstMappedValue: descriptor.firstMappedValue, bytes: bytes)
  }

  private static func segmentedChannel(
    _ descriptor: LUTDescriptor, words: [UInt16], name: String
  ) throws(ImagingError) -> Channel {
    let bits = descriptor.bitsPerEntry
    guard bits == 8 || bits == 16 else {
      throw .invalidLUTDescriptor([descriptor.entryCount, descriptor.firstMappedValue, bits])
    }
    let entries = try SegmentedLUT.expand(words, bitsPerEntry: bits)
    guard !entries.isEmpty else {
      throw .emptyLUTData(what: "Segmented \(name) Palette Color Lookup Table Data")
    }
    let bytes = entries.prefix(descriptor.entryCount).map {
      UInt8(truncatingIfNeeded: bits == 16 ? $0 >> 8 : $0)
    }
    return Channel(firstMappedValue: descriptor.firstMappedValue, bytes: bytes)
  }
}
