/// A data set built in code: elements with tag, VR and value, ready for `DICOMWriter`.
///
/// Setting a tag twice replaces the earlier value, so a data set never holds duplicates.
/// Element order does not matter here: the writer emits ascending tag order.
public struct WritableDataSet: Sendable, Equatable {
  public private(set) var elements: [WritableElement] = []

  /// An empty data set.
  public init() {}

  /// A data set of `elements`; a later element replaces an earlier one with the same tag.
  public init(_ elements: [WritableElement]) {
    for element in elements { set(element) }
  }

  /// Whether the data set has no elements.
  public var isEmpty: Bool { elements.isEmpty }

  /// The element with `tag`, if set.
  public subscript(tag: Tag) -> WritableElement? {
    elements.first { $0.tag == tag }
  }

  /// Adds the element, replacing any element with the same tag.
  public mutating func set(_ element: WritableElement) {
    if let index = elements.firstIndex(where: { $0.tag == element.tag }) {
      elements[index] = element
    } else {
      elements.append(element)
    }
  }

  /// Removes the element with `tag`, if set.
  public mutating func remove(_ tag: Tag) {
    elements.removeAll { $0.tag == tag }
  }

  /// Raw value bytes under any VR; the writer pads odd lengths as the VR requires.
  public mutating func set(_ tag: Tag, _ vr: VR, bytes: [UInt8]) {
    set(WritableElement(tag: tag, vr: vr, value: .bytes(bytes)))
  }

  /// One text value (AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT).
  public mutating func set(_ tag: Tag, _ vr: VR, _ text: String) {
    set(tag, vr, bytes: Array(text.utf8))
  }

  /// Several text values, joined by backslash as PS3.5 6.4 requires.
  public mutating func set(_ tag: Tag, _ vr: VR, _ texts: [String]) {
    set(tag, vr, texts.joined(separator: "\\"))
  }

  /// Decimal String values, each formatted to fit the 16 characters DS allows.
  public mutating func setDecimals(_ tag: Tag, _ values: [Double]) {
    set(tag, .DS, values.map(DecimalStringFormat.format))
  }

  /// Integer String values.
  public mutating func setIntegers(_ tag: Tag, _ values: [Int]) {
    set(tag, .IS, values.map(String.init))
  }

  /// Unsigned 16-bit values (US by default; OW for word data).
  public mutating func setUInt16(_ tag: Tag, _ values: [UInt16], vr: VR = .US) {
    set(tag, vr, bytes: LittleEndianBytes.of(values))
  }

  /// Signed 16-bit values (SS).
  public mutating func setInt16(_ tag: Tag, _ values: [Int16]) {
    set(tag, .SS, bytes: LittleEndianBytes.of(values.map { UInt16(bitPattern: $0) }))
  }

  /// Unsigned 32-bit values (UL).
  public mutating func setUInt32(_ tag: Tag, _ values: [UInt32]) {
    set(tag, .UL, bytes: LittleEndianBytes.of(values))
  }

  /// Signed 32-bit values (SL).
  public mutating func setInt32(_ tag: Tag, _ values: [Int32]) {
    set(tag, .SL, bytes: LittleEndianBytes.of(values.map { UInt32(bitPattern: $0) }))
  }

  /// 32-bit floating-point values (FL).
  public mutating func setFloat(_ tag: Tag, _ values: [Float]) {
    set(tag, .FL, bytes: LittleEndianBytes.of(values.map(\.bitPattern)))
  }

  /// 64-bit floating-point values (FD).
  public mutating func setDouble(_ tag: Tag, _ values: [Double]) {
    set(tag, .FD, bytes: LittleEndianBytes.of(values.map(\.bitPattern)))
  }

  /// Attribute Tag values, each stored as group then element.
  public mutating func setTags(_ tag: Tag, _ values: [Tag]) {
    set(tag, .AT, bytes: LittleEndianBytes.of(values.flatMap { [$0.group, $0.element] }))
  }

  /// 16-bit words as OW (pixel data of 16-bit images, LUT data).
  public mutating func setWords(_ tag: Tag, _ values: [UInt16]) {
    set(tag, .OW, bytes: LittleEndianBytes.of(values))
  }

  /// A sequence of items, written with defined lengths.
  public mutating func setSequence(_ tag: Tag, _ items: [WritableDataSet]) {
    set(WritableElement(tag: tag, vr: .SQ, value: .sequence(items)))
  }
}

/// One element of a `WritableDataSet`.
public struct WritableElement: Sendable, Equatable {
  /// What the element holds.
  public enum Value: Sendable, Equatable {
    /// Value bytes exactly as they go in the file (little endian), before padding.
    case bytes([UInt8])
    case sequence([WritableDataSet])
  }

  public var tag: Tag
  public var vr: VR
  public var value: Value

  public init(tag: Tag, vr: VR, value: Value) {
    self.tag = tag
    self.vr = vr
    self.value = value
  }
}

/// Little-endian serialisation of fixed-width integers, the byte order annotty writes.
enum LittleEndianBytes {
  static func of<Integer: FixedWidthInteger>(_ values: [Integer]) -> [UInt8] {
    let size = MemoryLayout<Integer>.size
    var bytes = [UInt8](repeating: 0, count: values.count * size)
    bytes.withUnsafeMutableBytes { raw in
      for (index, value) in values.enumerated() {
        raw.storeBytes(of: value.littleEndian, toByteOffset: index * size, as: Integer.self)
      }
    }
    return bytes
  }
}
