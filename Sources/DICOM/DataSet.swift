import Foundation

/// A parsed data set: elements in tag order over a shared byte buffer, values decoded on access.
public struct DataSet: Sendable {
  /// The bytes the elements point into (the file, or the inflated stream of a deflated file).
  public let storage: Data
  public let isLittleEndian: Bool
  public let characterSet: SpecificCharacterSet
  public private(set) var elements: [DataElement]

  public init(
    storage: Data, isLittleEndian: Bool, characterSet: SpecificCharacterSet,
    elements: [DataElement]
  ) {
    self.storage = storage
    self.isLittleEndian = isLittleEndian
    self.characterSet = characterSet
    // Files should be in ascending tag order; some are not. Binary search needs it.
    if zip(elements, elements.dropFirst()).allSatisfy({ $0.tag < $1.tag }) {
      self.elements = elements
    } else {
      self.elements = elements.enumerated().sorted {
        $0.element.tag == $1.element.tag ? $0.offset < $1.offset : $0.element.tag < $1.element.tag
      }.map(\.element)
    }
  }

  public var isEmpty: Bool { elements.isEmpty }

  public subscript(tag: Tag) -> DataElement? {
    var low = 0
    var high = elements.count
    while low < high {
      let middle = (low + high) / 2
      let candidate = elements[middle].tag
      if candidate == tag { return elements[middle] }
      if candidate < tag { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  public func contains(_ tag: Tag) -> Bool { self[tag] != nil }

  /// Calls `body` with the element's value bytes.
  public func withValueBytes<Result>(
    of element: DataElement, _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows -> Result {
    try storage.withUnsafeBytes { raw in
      let range = element.valueRange.clamped(to: 0..<raw.count)
      return try body(UnsafeRawBufferPointer(rebasing: raw[range]))
    }
  }

  /// The raw value bytes of an element.
  public func bytes(of element: DataElement) -> [UInt8] {
    withValueBytes(of: element) { Array($0) }
  }

  public func bytes(_ tag: Tag) -> [UInt8]? {
    self[tag].map { bytes(of: $0) }
  }

  /// The element with this private tag offset in the block reserved by `creator` (PS3.5 7.8.1).
  ///
  /// Keyed by creator, not by raw element number, because archives renumber private blocks.
  public func privateElement(group: UInt16, creator: String, offset: UInt8) -> DataElement? {
    for block in UInt16(0x10)...UInt16(0xFF) {
      let creatorTag = Tag(group: group, element: block)
      guard let creatorElement = self[creatorTag] else { continue }
      if values(of: creatorElement).first == creator {
        return self[Tag(group: group, element: block << 8 | UInt16(offset))]
      }
    }
    return nil
  }
}
