import DICOM
import Deidentification
import Foundation
import Testing

@Suite struct MalformedInputTests {
  @Test func keyOfTheWrongLengthIsRejected() {
    #expect(throws: DeidentificationError.self) { try DeidentificationKey(bytes: [1, 2, 3]) }
  }

  @Test func dataSetWithoutSOPInstanceUIDIsRejected() throws {
    var input = TestData.patient()
    input.remove(.sopInstanceUID)
    let bytes = try DICOMWriter.encodeDataSet(input)
    let dataSet = try DICOMFile(bytes: bytes).dataSet
    #expect(throws: DeidentificationError.self) {
      try Deidentifier(key: TestData.key).deidentify(dataSet)
    }
  }

  @Test func valueRunningPastTheDataIsRejected() throws {
    let dataSet = try TestData.roundTrip(TestData.patient())
    var elements = dataSet.elements
    let last = try #require(elements.last)
    elements[elements.count - 1] = DataElement(
      tag: last.tag, vr: last.vr, offset: last.offset,
      valueRange: last.valueRange.lowerBound..<(dataSet.storage.count + 10))
    let truncated = DataSet(
      storage: dataSet.storage, isLittleEndian: true, characterSet: dataSet.characterSet,
      elements: elements)
    let error = #expect(throws: DeidentificationError.self) {
      try Deidentifier(key: TestData.key).deidentify(truncated)
    }
    #expect(error?.description.contains("truncated") == true)
  }

  @Test func compressedPixelDataWithoutNativePixelsIsRejected() throws {
    let compressed = try DICOMFile(bytes: rleFile()).dataSet
    #expect(compressed[.pixelData]?.encapsulated != nil)
    let deidentifier = Deidentifier(key: TestData.key)
    #expect(throws: DeidentificationError.self) { try deidentifier.deidentify(compressed) }
    let decoded = NativePixels(
      bytes: [7, 7, 7, 7], layout: PixelLayout(rows: 2, columns: 2, bitsAllocated: 8),
      photometricInterpretation: "MONOCHROME2")
    let native = try deidentifier.deidentify(
      compressed, nativePixels: decoded,
      redactions: [RedactionRectangle(x: 1, y: 1, width: 1, height: 1)])
    #expect(native.dataSet[.pixelData]?.value == .bytes([7, 7, 7, 0]))
    #expect(native.dataSet[.photometricInterpretation]?.value == .bytes(Array("MONOCHROME2".utf8)))
    let written = try DICOMFile(bytes: try native.part10())
    #expect(written.transferSyntax == .explicitVRLittleEndian)
    #expect(written.dataSet[.pixelData]?.encapsulated == nil)
  }

  /// A Part 10 file in RLE Lossless with one (meaningless) fragment: enough to be encapsulated.
  private func rleFile() throws -> Data {
    var input = TestData.patient()
    input.setUInt16(.rows, [2])
    input.setUInt16(.columns, [2])
    input.setUInt16(.bitsAllocated, [8])
    var bytes = try DICOMWriter.part10(
      input, sopClassUID: TestData.ctImageStorage, sopInstanceUID: "1.2.3.4.5.6.7.1")
    // Same length as Explicit VR Little Endian's UID, so the meta group length stays right.
    let explicit = Data("1.2.840.10008.1.2.1\0".utf8)
    let range = try #require(bytes.range(of: explicit))
    bytes.replaceSubrange(range, with: Data("1.2.840.10008.1.2.5\0".utf8))
    let pixelHeader: [UInt8] = [0xE0, 0x7F, 0x10, 0x00, 0x4F, 0x42, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]
    let emptyOffsetTable: [UInt8] = [0xFE, 0xFF, 0x00, 0xE0, 0, 0, 0, 0]
    let fragment: [UInt8] = [0xFE, 0xFF, 0x00, 0xE0, 4, 0, 0, 0, 1, 2, 3, 4]
    let end: [UInt8] = [0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]
    bytes.append(contentsOf: pixelHeader + emptyOffsetTable + fragment + end)
    return bytes
  }
}
