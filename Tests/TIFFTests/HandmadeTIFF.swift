/// A little-endian classic TIFF with one uncompressed 8-bit gray page, built byte by byte so
/// tests can declare sizes and offsets that libtiff would never write.
func handmadeTIFF(
  width: UInt32, height: UInt32, pixelBytes: Int, declaredByteCount: UInt32? = nil,
  nextDirectoryPointsToItself: Bool = false, unknownTag: Bool = false
) -> [UInt8] {
  var entries: [(tag: UInt16, type: UInt16, value: UInt32)] = [
    (256, 4, width), (257, 4, height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
    (273, 4, 0), (277, 3, 1), (278, 4, height),
    (279, 4, declaredByteCount ?? UInt32(truncatingIfNeeded: Int(width) * Int(height))),
  ]
  if unknownTag { entries.append((65_000, 4, 1)) }
  let directoryOffset: UInt32 = 8
  let dataOffset = directoryOffset + 2 + UInt32(entries.count) * 12 + 4
  var bytes: [UInt8] = [0x49, 0x49, 42, 0]
  func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
  func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
  append32(directoryOffset)
  append16(UInt16(entries.count))
  for entry in entries {
    append16(entry.tag)
    append16(entry.type)
    append32(1)
    let value = entry.tag == 273 ? dataOffset : entry.value
    if entry.type == 3 {
      append16(UInt16(truncatingIfNeeded: value))
      append16(0)
    } else {
      append32(value)
    }
  }
  append32(nextDirectoryPointsToItself ? directoryOffset : 0)
  bytes += (0..<pixelBytes).map { UInt8(truncatingIfNeeded: $0) }
  return bytes
}
