import Foundation

/// One element of a data set. Its value stays as bytes in the file until asked for.
public struct DataElement: Sendable {
  /// What the value holds once parsed.
  public enum Content: Sendable {
    /// Plain value bytes, decoded on demand according to the VR.
    case bytes
    /// A sequence of items, each a nested data set.
    case sequence([DataSet])
    /// Encapsulated (compressed) pixel data: an offset table and fragments.
    case encapsulated(EncapsulatedPixelData)
  }

  public let tag: Tag
  public let vr: VR
  /// Byte offset of the element's tag in the buffer it was read from.
  public let offset: Int
  /// Where the value bytes are in the buffer (for a sequence, its items).
  public let valueRange: Range<Int>
  public let hasUndefinedLength: Bool
  public let content: Content

  public init(
    tag: Tag, vr: VR, offset: Int, valueRange: Range<Int>, hasUndefinedLength: Bool = false,
    content: Content = .bytes
  ) {
    self.tag = tag
    self.vr = vr
    self.offset = offset
    self.valueRange = valueRange
    self.hasUndefinedLength = hasUndefinedLength
    self.content = content
  }

  public var items: [DataSet]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  public var encapsulated: EncapsulatedPixelData? {
    if case .encapsulated(let pixels) = content { return pixels }
    return nil
  }

  public var length: Int { valueRange.count }
}
