import DICOM

/// Value bytes as the writer wants them: little endian whatever the source byte order.
enum LittleEndianValue {
  /// The element's value bytes, swapped to little endian when the data set is big endian.
  static func bytes(of element: DataElement, in dataSet: DataSet) -> [UInt8] {
    let raw = dataSet.bytes(of: element)
    guard !dataSet.isLittleEndian else { return raw }
    var width = wordSize(of: element.vr)
    // Big-endian pixel data is swapped in units of Bits Allocated (32-bit RT dose, for one),
    // not in the 16-bit words OW otherwise implies.
    if element.tag == .pixelData, element.vr == .OW, let bits = dataSet.int(.bitsAllocated),
      bits == 32 || bits == 64
    {
      width = bits / 8
    }
    guard width > 1 else { return raw }
    var swapped = raw
    var start = 0
    while start + width <= swapped.count {
      swapped[start..<start + width].reverse()
      start += width
    }
    return swapped
  }

  /// The size of the units a VR's bytes are swapped in (AT is two 16-bit halves).
  private static func wordSize(of vr: VR) -> Int {
    switch vr {
    case .US, .SS, .OW, .AT: 2
    case .UL, .SL, .FL, .OF, .OL: 4
    case .FD, .OD, .SV, .UV, .OV: 8
    default: 1
    }
  }
}
