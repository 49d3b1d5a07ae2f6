import DICOM
import Foundation
import Imaging
import Testing

@Suite struct PixelAspectTests {
  /// An Implicit VR Little Endian data set without preamble or meta, elements in tag order.
  private func dataSet(_ elements: [(group: UInt16, element: UInt16, value: String)]) throws
    -> DataSet
  {
    var bytes: [UInt8] = []
    func append16(_ value: UInt16) { bytes += [UInt8(value & 0xFF), UInt8(value >> 8)] }
    // Every data set starts with something a reader recognises as low-group.
    for (group, element, text) in [(UInt16(0x0008), UInt16(0x0060), "CT")] + elements {
      var value = Array(text.utf8)
      if value.count % 2 == 1 { value.append(0x20) }
      append16(group)
      append16(element)
      append16(UInt16(value.count))
      append16(0)
      bytes += value
    }
    return try DICOMFile(bytes: Data(bytes)).dataSet
  }

  @Test func pixelSpacingGivesRowOverColumnSpacing() throws {
    let set = try dataSet([(0x0028, 0x0030, "0.5\\0.25")])
    #expect(PixelAspect(dataSet: set, frameIndex: 0).heightOverWidth == 2)
  }

  @Test func imagerPixelSpacingAndAspectRatioAreFallbacks() throws {
    let imager = try dataSet([(0x0018, 0x1164, "0.2\\0.4")])
    #expect(PixelAspect(dataSet: imager, frameIndex: 0).heightOverWidth == 0.5)
    let ratio = try dataSet([(0x0028, 0x0034, "4\\3")])
    #expect(PixelAspect(dataSet: ratio, frameIndex: 0).heightOverWidth == 4.0 / 3.0)
  }

  @Test func missingOrBrokenValuesAreSquare() throws {
    #expect(PixelAspect(dataSet: try dataSet([]), frameIndex: 0) == .square)
    let zero = try dataSet([(0x0028, 0x0030, "0\\0.5")])
    #expect(PixelAspect(dataSet: zero, frameIndex: 0) == .square)
    let single = try dataSet([(0x0028, 0x0030, "0.5")])
    #expect(PixelAspect(dataSet: single, frameIndex: 0) == .square)
  }
}
