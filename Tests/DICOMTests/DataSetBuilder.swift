import Foundation

@testable import DICOM

/// Builds DICOM bytes element by element, so tests state exactly what a file contains.
struct DataSetBuilder {
  var explicit = true
  var little = true
  var bytes: [UInt8] = []

  init(explicit: Bool = true, little: Bool = true) {
    self.explicit = explicit
    self.little = little
  }

  mutating func u16(_ value: UInt16) {
    bytes +=
      little ? [UInt8(value & 0xFF), UInt8(value >> 8)] : [UInt8(value >> 8), UInt8(value & 0xFF)]
  }

  mutating func u32(_ value: UInt32) {
    let ordered = little ? value.littleEndian : value.bigEndian
    bytes += withUnsafeBytes(of: ordered) { Array($0) }
  }

  mutating func tag(_ tag: Tag) {
    u16(tag.group)
    u16(tag.element)
  }

  /// An element with a defined length.
  mutating func element(_ tag: Tag, _ vr: VR, _ value: [UInt8]) {
    header(tag, vr, length: UInt32(value.count))
    bytes += value
  }

  mutating func text(_ tag: Tag, _ vr: VR, _ text: String) {
    var value = Array(text.utf8)
    if value.count % 2 == 1 { value.append(vr == .UI ? 0 : 0x20) }
    element(tag, vr, value)
  }

  mutating func us(_ tag: Tag, _ values: UInt16...) {
    var value = DataSetBuilder(explicit: explicit, little: little)
    for item in values { value.u16(item) }
    element(tag, .US, value.bytes)
  }

  mutating func header(_ tag: Tag, _ vr: VR, length: UInt32) {
    self.tag(tag)
    if explicit {
      bytes += Array(vr.rawValue.utf8)
      if vr.hasLongExplicitLength {
        bytes += [0, 0]
        u32(length)
      } else {
        u16(UInt16(truncatingIfNeeded: length))
      }
    } else {
      u32(length)
    }
  }

  /// A sequence of undefined length whose items have undefined length.
  mutating func sequence(_ tag: Tag, vr: VR = .SQ, items: [[UInt8]]) {
    header(tag, vr, length: 0xFFFF_FFFF)
    for item in items {
      self.tag(.item)
      u32(0xFFFF_FFFF)
      bytes += item
      self.tag(.itemDelimitation)
      u32(0)
    }
    self.tag(.sequenceDelimitation)
    u32(0)
  }

  /// Encapsulated pixel data: an offset table, then one item per fragment.
  mutating func encapsulated(offsetTable: [UInt32], fragments: [[UInt8]]) {
    header(.pixelData, .OB, length: 0xFFFF_FFFF)
    tag(.item)
    u32(UInt32(offsetTable.count * 4))
    for offset in offsetTable { u32(offset) }
    for fragment in fragments {
      tag(.item)
      u32(UInt32(fragment.count))
      bytes += fragment
    }
    tag(.sequenceDelimitation)
    u32(0)
  }

  /// A Part 10 file: preamble, DICM, meta group with the transfer syntax, then `body`.
  static func part10(transferSyntax: String, body: [UInt8]) -> Data {
    var meta = DataSetBuilder()
    meta.element(.init(0x0002_0001), .OB, [0, 1])
    meta.text(.transferSyntaxUID, .UI, transferSyntax)
    var file = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8)
    var length = DataSetBuilder()
    length.element(
      .fileMetaInformationGroupLength, .UL,
      withUnsafeBytes(of: UInt32(meta.bytes.count).littleEndian) { Array($0) })
    file += length.bytes + meta.bytes + body
    return Data(file)
  }
}
