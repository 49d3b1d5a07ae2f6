/// Encodes elements in little endian, explicit or implicit VR, with defined lengths throughout.
struct ElementEncoder {
  let explicitVR: Bool
  private(set) var bytes: [UInt8] = []

  init(explicitVR: Bool) {
    self.explicitVR = explicitVR
  }

  /// Appends every element of `dataSet` in ascending tag order.
  mutating func encode(_ dataSet: WritableDataSet, path: [Tag] = []) throws(DICOMWriteError) {
    for element in dataSet.elements.sorted(by: { $0.tag < $1.tag }) {
      try encode(element, path: path + [element.tag])
    }
  }

  private mutating func encode(_ element: WritableElement, path: [Tag]) throws(DICOMWriteError) {
    switch element.value {
    case .bytes(let value):
      guard element.vr != .SQ else {
        throw DICOMWriteError("an SQ element must hold items, not bytes", path: path)
      }
      let padded = value.count % 2 == 0 ? value : value + [Self.padding(for: element.vr)]
      try header(element.tag, element.vr, length: padded.count, path: path)
      bytes += padded
    case .sequence(let items):
      guard element.vr == .SQ else {
        throw DICOMWriteError(
          "only an SQ element can hold items; this one is \(element.vr.rawValue)", path: path)
      }
      var body = ElementEncoder(explicitVR: explicitVR)
      for (index, item) in items.enumerated() {
        var itemBody = ElementEncoder(explicitVR: explicitVR)
        do {
          try itemBody.encode(item, path: path)
        } catch {
          throw DICOMWriteError("\(error.message) in item \(index + 1)", path: error.path)
        }
        body.appendTag(.item)
        try body.appendLength32(itemBody.bytes.count, path: path)
        body.bytes += itemBody.bytes
      }
      try header(element.tag, .SQ, length: body.bytes.count, path: path)
      bytes += body.bytes
    }
  }

  /// Space pads text (PS3.5 6.2); UI and binary values pad with NUL.
  static func padding(for vr: VR) -> UInt8 {
    switch vr {
    case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .LT, .PN, .SH, .ST, .TM, .UC, .UR, .UT: 0x20
    default: 0x00
    }
  }

  private mutating func header(
    _ tag: Tag, _ vr: VR, length: Int, path: [Tag]
  ) throws(DICOMWriteError) {
    appendTag(tag)
    guard explicitVR else {
      try appendLength32(length, path: path)
      return
    }
    bytes += Array(vr.rawValue.utf8)
    if vr.hasLongExplicitLength {
      bytes += [0, 0]
      try appendLength32(length, path: path)
    } else {
      guard length <= Int(UInt16.max) else {
        throw DICOMWriteError(
          "the value is \(length) bytes, but \(vr.rawValue) has a 2-byte length (at most 65535 "
            + "bytes); use a VR with a 4-byte length such as UT or OB",
          path: path)
      }
      appendUInt16(UInt16(length))
    }
  }

  private mutating func appendTag(_ tag: Tag) {
    appendUInt16(tag.group)
    appendUInt16(tag.element)
  }

  private mutating func appendUInt16(_ value: UInt16) {
    bytes.append(UInt8(truncatingIfNeeded: value))
    bytes.append(UInt8(truncatingIfNeeded: value >> 8))
  }

  private mutating func appendLength32(_ length: Int, path: [Tag]) throws(DICOMWriteError) {
    // 0xFFFFFFFF means undefined length, so it cannot be a defined one.
    guard length < Int(UInt32.max) else {
      throw DICOMWriteError(
        "the value is \(length) bytes, more than a 32-bit length holds",
        path: path)
    }
    let value = UInt32(length)
    for shift in stride(from: 0, to: 32, by: 8) {
      bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
    }
  }
}
