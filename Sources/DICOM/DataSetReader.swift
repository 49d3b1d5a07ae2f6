import Foundation

/// Walks element headers over a byte buffer and builds data sets; values stay undecoded.
///
/// Tolerates what pydicom tolerates (odd lengths, implicit VR inside an explicit file, unknown VRs,
/// missing delimiters at the very end) with a warning; anything that would make it read outside
/// the buffer is an error with the byte offset.
struct DataSetReader {
  /// VR explicitness and byte order of the elements being read.
  struct Encoding: Equatable {
    var explicit: Bool
    var little: Bool
    static let explicitLittle = Encoding(explicit: true, little: true)
    static let implicitLittle = Encoding(explicit: false, little: true)
  }

  /// Where a data set sits, which decides when reading it stops.
  enum Context {
    case fileMeta
    case topLevel
    /// An item of defined length: read to its end.
    case definedItem
    /// An item of undefined length: read to the Item Delimitation Item.
    case undefinedItem
  }

  static let undefinedLength: UInt32 = 0xFFFF_FFFF
  static let maximumDepth = 48

  let storage: Data
  let options: DICOMFile.ReadOptions
  private(set) var warnings: [ParseWarning] = []
  /// A header-only read stopped at a pixel data element (so the file has pixels).
  private(set) var stoppedAtPixelData = false
  private var depth = 0

  init(storage: Data, options: DICOMFile.ReadOptions) {
    self.storage = storage
    self.options = options
  }

  mutating func warn(_ message: String, offset: Int? = nil, tag: Tag? = nil) {
    if warnings.count < 1000 { warnings.append(ParseWarning(message, offset: offset, tag: tag)) }
  }

  /// Reads a data set starting at `start`; returns it and the offset just past it.
  mutating func read(
    from start: Int, to end: Int, encoding: Encoding, charset: SpecificCharacterSet,
    context: Context
  ) throws -> (DataSet, Int) {
    try storage.withUnsafeBytes { raw in
      try readDataSet(
        raw, from: start, to: end, encoding: encoding, charset: charset, context: context)
    }
  }

  /// The transfer syntax a bare data set appears to use, from its first element header.
  static func guessEncoding(_ raw: UnsafeRawBufferPointer, at offset: Int) -> TransferSyntax {
    guard offset + 8 <= raw.count else { return .implicitVRLittleEndian }
    let groupLE = UInt16(raw[offset]) | UInt16(raw[offset + 1]) << 8
    let groupBE = UInt16(raw[offset + 1]) | UInt16(raw[offset]) << 8
    let explicit = VR(bytes: raw[offset + 4], raw[offset + 5]) != nil
    if groupBE < groupLE && groupBE != 0 && explicit { return .explicitVRBigEndian }
    return explicit ? .explicitVRLittleEndian : .implicitVRLittleEndian
  }

  // MARK: - Data sets

  private mutating func readDataSet(
    _ raw: UnsafeRawBufferPointer, from start: Int, to end: Int, encoding initialEncoding: Encoding,
    charset initialCharset: SpecificCharacterSet, context: Context
  ) throws -> (DataSet, Int) {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw DICOMError(
        .malformed, "sequences nested deeper than \(Self.maximumDepth) levels", offset: start)
    }
    var encoding = checkedEncoding(raw, at: start, end: end, declared: initialEncoding)
    var charset = initialCharset
    var elements: [DataElement] = []
    var position = start

    while position < end {
      if end - position < 8 {
        if context == .topLevel || context == .fileMeta {
          warn("\(end - position) trailing bytes after the last element ignored", offset: position)
          position = end
          break
        }
        throw truncated("an element header", at: position, needed: 8, end: end)
      }
      let tag = readTag(raw, at: position, little: encoding.little)

      if context == .fileMeta && tag.group != 0x0002 { break }
      if context == .topLevel && options.stopBeforePixelData && depth == 1
        && tag.rawValue >= Tag.floatPixelData.rawValue
      {
        stoppedAtPixelData = [.floatPixelData, .doubleFloatPixelData, .pixelData].contains(tag)
        break
      }
      if tag.group == 0xFFFE {
        if tag == .itemDelimitation && (context == .undefinedItem || context == .definedItem) {
          if context == .definedItem {
            warn("an Item Delimitation Item inside an item of defined length", offset: position)
          }
          position += 8
          return (makeDataSet(elements, encoding: encoding, charset: charset), position)
        }
        if tag == .sequenceDelimitation && context == .undefinedItem {
          // The item's own delimiter is missing; let the sequence consume its delimiter.
          warn(
            "an item of undefined length ends without an Item Delimitation Item", offset: position)
          return (makeDataSet(elements, encoding: encoding, charset: charset), position)
        }
        if context == .topLevel && tag == .sequenceDelimitation {
          warn("a stray Sequence Delimitation Item at the top level skipped", offset: position)
          position += 8
          continue
        }
        throw DICOMError(
          .malformed, "found an item tag \(tag) where a data element was expected",
          offset: position, tag: tag)
      }

      let element: DataElement
      (element, position) = try readElement(
        raw, tag: tag, at: position, end: end, encoding: &encoding, charset: charset)
      if element.tag == .specificCharacterSet {
        let dataSet = DataSet(
          storage: storage, isLittleEndian: encoding.little, characterSet: charset,
          elements: [element])
        charset = SpecificCharacterSet(terms: dataSet.strings(.specificCharacterSet))
        if case .unsupported(let term) = charset {
          warn(
            "Specific Character Set '\(term)' is not supported; text is read as Latin-1",
            offset: element.offset, tag: element.tag)
        }
      }
      elements.append(element)
    }
    if context == .undefinedItem {
      warn("the data ends inside an item of undefined length", offset: position)
    }
    return (makeDataSet(elements, encoding: encoding, charset: charset), position)
  }

  private func makeDataSet(
    _ elements: [DataElement], encoding: Encoding, charset: SpecificCharacterSet
  ) -> DataSet {
    DataSet(
      storage: storage, isLittleEndian: encoding.little, characterSet: charset, elements: elements)
  }

  /// The encoding the first element really uses; files lie about explicit VR both ways.
  private mutating func checkedEncoding(
    _ raw: UnsafeRawBufferPointer, at position: Int, end: Int, declared: Encoding
  ) -> Encoding {
    guard position + 8 <= end else { return declared }
    let tag = readTag(raw, at: position, little: declared.little)
    guard tag.group != 0xFFFE else { return declared }
    let vr = VR(bytes: raw[position + 4], raw[position + 5])
    if declared.explicit && vr == nil {
      warn("expected explicit VR, but found implicit VR; reading as implicit", offset: position)
      return Encoding(explicit: false, little: declared.little)
    }
    if !declared.explicit, let vr, DataDictionary.entry(for: tag.rawValue)?.vr == vr {
      warn("expected implicit VR, but found explicit VR; reading as explicit", offset: position)
      return Encoding(explicit: true, little: declared.little)
    }
    return declared
  }

  // MARK: - Elements

  private mutating func readElement(
    _ raw: UnsafeRawBufferPointer, tag: Tag, at position: Int, end: Int,
    encoding: inout Encoding, charset: SpecificCharacterSet
  ) throws -> (DataElement, Int) {
    var vr: VR
    var length: UInt32
    var headerLength: Int
    var elementIsImplicit = !encoding.explicit

    if encoding.explicit {
      let first = raw[position + 4]
      let second = raw[position + 5]
      if let explicitVR = VR(bytes: first, second) {
        vr = explicitVR
        if vr.hasLongExplicitLength {
          guard position + 12 <= end else {
            throw truncated("the header of \(tag)", at: position, needed: 12, end: end)
          }
          length = readUInt32(raw, at: position + 8, little: encoding.little)
          headerLength = 12
        } else {
          length = UInt32(readUInt16(raw, at: position + 6, little: encoding.little))
          headerLength = 8
        }
      } else if (65...90).contains(first) && (65...90).contains(second) {
        // An unknown VR is read like UN (PS3.5 6.2: a 32-bit length after 2 reserved bytes).
        warn(
          "unknown VR '\(String(decoding: [first, second], as: UTF8.self))' read as UN",
          offset: position, tag: tag)
        guard position + 12 <= end else {
          throw truncated("the header of \(tag)", at: position, needed: 12, end: end)
        }
        vr = .UN
        length = readUInt32(raw, at: position + 8, little: encoding.little)
        headerLength = 12
      } else {
        warn("element in implicit VR inside an explicit VR data set", offset: position, tag: tag)
        elementIsImplicit = true
        vr = .UN
        length = 0
        headerLength = 8
      }
    } else {
      vr = .UN
      length = 0
      headerLength = 8
    }
    if elementIsImplicit {
      vr = implicitVR(for: tag)
      length = readUInt32(raw, at: position + 4, little: encoding.little)
    }

    let valueStart = position + headerLength
    if length == Self.undefinedLength {
      return try readUndefinedLengthValue(
        raw, tag: tag, vr: vr, at: position, valueStart: valueStart, end: end,
        encoding: encoding, charset: charset)
    }

    let valueLength = Int(length)
    guard valueLength <= end - valueStart else {
      throw DICOMError(
        .truncated,
        "the file is truncated: element \(tag) declares \(valueLength) bytes but only "
          + "\(max(end - valueStart, 0)) remain",
        offset: position, tag: tag)
    }
    let valueEnd = valueStart + valueLength
    if valueLength % 2 == 1 {
      warn("odd value length \(valueLength)", offset: position, tag: tag)
    }

    var content = DataElement.Content.bytes
    if vr == .SQ {
      let items = try readItems(
        raw, from: valueStart, to: valueEnd, undefinedLength: false, encoding: encoding,
        charset: charset
      ).items
      content = .sequence(items)
    } else if vr == .UN, DataDictionary.entry(for: tag.rawValue)?.vr == .SQ, valueLength > 0 {
      // PS3.5 6.2.2: a UN value of a known sequence is an Implicit VR Little Endian sequence.
      var attempt = self
      if let items = try? attempt.readItems(
        raw, from: valueStart, to: valueEnd, undefinedLength: false, encoding: .implicitLittle,
        charset: charset
      ).items {
        self = attempt
        vr = .SQ
        content = .sequence(items)
      }
    }
    let element = DataElement(
      tag: tag, vr: vr, offset: position, valueRange: valueStart..<valueEnd, content: content)
    return (element, valueEnd)
  }

  private mutating func readUndefinedLengthValue(
    _ raw: UnsafeRawBufferPointer, tag: Tag, vr: VR, at position: Int, valueStart: Int, end: Int,
    encoding: Encoding, charset: SpecificCharacterSet
  ) throws -> (DataElement, Int) {
    if tag == .pixelData && vr != .SQ {
      let (pixels, next) = try readEncapsulated(raw, from: valueStart, end: end)
      let element = DataElement(
        tag: tag, vr: vr == .UN ? .OB : vr, offset: position, valueRange: valueStart..<next,
        hasUndefinedLength: true, content: .encapsulated(pixels))
      return (element, next)
    }
    let itemEncoding: Encoding
    switch vr {
    case .SQ:
      itemEncoding = encoding
    case .UN:
      // PS3.5 6.2.2: UN of undefined length holds an Implicit VR Little Endian sequence.
      itemEncoding = .implicitLittle
    default:
      guard valueStart + 4 <= end,
        readTag(raw, at: valueStart, little: encoding.little) == .item
      else {
        throw DICOMError(
          .malformed, "undefined length on an element of VR \(vr.rawValue)", offset: position,
          tag: tag)
      }
      warn("undefined length on VR \(vr.rawValue); read as a sequence", offset: position, tag: tag)
      itemEncoding = encoding
    }
    let (items, next) = try readItems(
      raw, from: valueStart, to: end, undefinedLength: true, encoding: itemEncoding,
      charset: charset)
    let element = DataElement(
      tag: tag, vr: .SQ, offset: position, valueRange: valueStart..<next,
      hasUndefinedLength: true, content: .sequence(items))
    return (element, next)
  }

  // MARK: - Sequences

  private mutating func readItems(
    _ raw: UnsafeRawBufferPointer, from start: Int, to end: Int, undefinedLength: Bool,
    encoding: Encoding, charset: SpecificCharacterSet
  ) throws -> (items: [DataSet], next: Int) {
    var items: [DataSet] = []
    var position = start
    while position < end {
      guard end - position >= 8 else {
        throw truncated("an item header", at: position, needed: 8, end: end)
      }
      let tag = readTag(raw, at: position, little: encoding.little)
      let length = readUInt32(raw, at: position + 4, little: encoding.little)
      switch tag {
      case .sequenceDelimitation:
        if !undefinedLength {
          warn("a Sequence Delimitation Item in a sequence of defined length", offset: position)
        }
        return (items, position + 8)
      case .itemDelimitation:
        warn("a stray Item Delimitation Item in a sequence skipped", offset: position)
        position += 8
      case .item:
        if length == Self.undefinedLength {
          let (item, next) = try readDataSet(
            raw, from: position + 8, to: end, encoding: encoding, charset: charset,
            context: .undefinedItem)
          items.append(item)
          position = next
        } else {
          let itemEnd = position + 8 + Int(length)
          guard itemEnd <= end else {
            throw DICOMError(
              .truncated,
              "an item declares \(length) bytes but only \(max(end - position - 8, 0)) remain",
              offset: position)
          }
          let (item, _) = try readDataSet(
            raw, from: position + 8, to: itemEnd, encoding: encoding, charset: charset,
            context: .definedItem)
          items.append(item)
          position = itemEnd
        }
      default:
        throw DICOMError(
          .malformed, "expected an item (FFFE,E000) in a sequence but found \(tag)",
          offset: position, tag: tag)
      }
    }
    if undefinedLength {
      warn("a sequence of undefined length ends without a Sequence Delimitation Item", offset: end)
    }
    return (items, position)
  }

  // MARK: - Encapsulated pixel data

  /// Reads items by their lengths; never scans for delimiter bytes (fragments may contain them).
  private mutating func readEncapsulated(
    _ raw: UnsafeRawBufferPointer, from start: Int, end: Int
  ) throws -> (EncapsulatedPixelData, Int) {
    var offsetTable: [UInt32]?
    var fragments: [EncapsulatedPixelData.Fragment] = []
    var firstFragmentItem: Int?
    var position = start
    while true {
      if end - position < 8 {
        if end - position > 0 || offsetTable == nil {
          throw truncated("an encapsulated pixel data item", at: position, needed: 8, end: end)
        }
        warn("encapsulated pixel data ends without a Sequence Delimitation Item", offset: position)
        break
      }
      let tag = readTag(raw, at: position, little: true)
      let length = readUInt32(raw, at: position + 4, little: true)
      if tag == .sequenceDelimitation {
        position += 8
        break
      }
      guard tag == .item else {
        throw DICOMError(
          .malformed, "expected an item in encapsulated pixel data but found \(tag)",
          offset: position, tag: .pixelData)
      }
      guard length != Self.undefinedLength, Int(length) <= end - position - 8 else {
        throw DICOMError(
          .truncated,
          "a pixel data fragment declares \(length) bytes but only \(end - position - 8) remain",
          offset: position, tag: .pixelData)
      }
      let range = (position + 8)..<(position + 8 + Int(length))
      if offsetTable == nil {
        offsetTable = readOffsetTable(raw, range: range)
        if length % 4 != 0 {
          warn("the Basic Offset Table length is not a multiple of 4", offset: position)
        }
      } else {
        let base = firstFragmentItem ?? position
        firstFragmentItem = base
        fragments.append(.init(itemOffset: position - base, range: range))
      }
      position = range.upperBound
    }
    return (
      EncapsulatedPixelData(basicOffsetTable: offsetTable ?? [], fragments: fragments), position
    )
  }

  private func readOffsetTable(_ raw: UnsafeRawBufferPointer, range: Range<Int>) -> [UInt32] {
    stride(from: range.lowerBound, to: range.upperBound - 3, by: 4).map {
      readUInt32(raw, at: $0, little: true)
    }
  }

  // MARK: - Primitives

  private func implicitVR(for tag: Tag) -> VR {
    if tag.isGroupLength { return .UL }
    if tag == .pixelData { return .OW }
    if let entry = DataDictionary.entry(for: tag.rawValue) { return entry.vr }
    if tag.isPrivateCreator { return .LO }
    return .UN
  }

  private func truncated(_ what: String, at position: Int, needed: Int, end: Int) -> DICOMError {
    DICOMError(
      .truncated,
      "the file is truncated: \(what) needs \(needed) bytes but only \(max(end - position, 0)) remain",
      offset: position)
  }

  private func readTag(_ raw: UnsafeRawBufferPointer, at position: Int, little: Bool) -> Tag {
    Tag(
      group: readUInt16(raw, at: position, little: little),
      element: readUInt16(raw, at: position + 2, little: little))
  }

  private func readUInt16(_ raw: UnsafeRawBufferPointer, at position: Int, little: Bool) -> UInt16 {
    let value = raw.loadUnaligned(fromByteOffset: position, as: UInt16.self)
    return little ? UInt16(littleEndian: value) : UInt16(bigEndian: value)
  }

  private func readUInt32(_ raw: UnsafeRawBufferPointer, at position: Int, little: Bool) -> UInt32 {
    let value = raw.loadUnaligned(fromByteOffset: position, as: UInt32.self)
    return little ? UInt32(littleEndian: value) : UInt32(bigEndian: value)
  }
}
