import DICOM
import Foundation
import Testing

@Suite struct DICOMWriterErrorTests {
  @Test func tooLongShortLengthValueIsAnError() {
    var dataSet = WritableDataSet()
    dataSet.set(Tag(0x0008_1030), .LO, String(repeating: "x", count: 70_000))
    #expect {
      try DICOMWriter.part10(dataSet, sopClassUID: "1.2", sopInstanceUID: "1.2.3")
    } throws: { error in
      let writeError = error as? DICOMWriteError
      return writeError?.path == [Tag(0x0008_1030)]
        && writeError?.description.contains("2-byte length") == true
    }
  }

  @Test func tooLongValueInsideASequenceNamesThePath() {
    var item = WritableDataSet()
    item.set(Tag(0x0008_0104), .LO, String(repeating: "y", count: 65_536))
    var dataSet = WritableDataSet()
    dataSet.setSequence(Tag(0x0040_0275), [WritableDataSet(), item])
    #expect {
      try DICOMWriter.part10(dataSet, sopClassUID: "1.2", sopInstanceUID: "1.2.3")
    } throws: { error in
      let writeError = error as? DICOMWriteError
      return writeError?.path == [Tag(0x0040_0275), Tag(0x0008_0104)]
        && writeError?.message.contains("item 2") == true
    }
  }

  @Test func longestShortLengthValueIsWritten() throws {
    var dataSet = WritableDataSet()
    dataSet.set(Tag(0x0008_0104), .LO, bytes: [UInt8](repeating: 0x41, count: 65_534))
    let file = try DICOMFile(
      bytes: DICOMWriter.part10(dataSet, sopClassUID: "1.2", sopInstanceUID: "1.2.3"))
    #expect(file.dataSet[Tag(0x0008_0104)]?.length == 65_534)
  }

  @Test func metaGroupInTheDataSetIsRejected() {
    var dataSet = WritableDataSet()
    dataSet.set(.transferSyntaxUID, .UI, "1.2.840.10008.1.2")
    #expect(throws: DICOMWriteError.self) {
      try DICOMWriter.part10(dataSet, sopClassUID: "1.2", sopInstanceUID: "1.2.3")
    }
  }

  @Test func unsupportedTransferSyntaxIsRejected() {
    #expect(throws: DICOMWriteError.self) {
      try DICOMWriter.part10(
        WritableDataSet(), sopClassUID: "1.2", sopInstanceUID: "1.2.3",
        transferSyntax: .explicitVRBigEndian)
    }
  }

  @Test func mismatchedValueAndVRAreErrors() {
    var dataSet = WritableDataSet()
    dataSet.set(WritableElement(tag: Tag(0x0040_0275), vr: .SQ, value: .bytes([0, 0])))
    #expect(throws: DICOMWriteError.self) {
      try DICOMWriter.encodeDataSet(dataSet)
    }
    var other = WritableDataSet()
    other.set(WritableElement(tag: Tag(0x0008_0100), vr: .SH, value: .sequence([])))
    #expect(throws: DICOMWriteError.self) {
      try DICOMWriter.encodeDataSet(other)
    }
  }

  @Test func settingATagTwiceReplacesIt() {
    var dataSet = WritableDataSet()
    dataSet.set(.modality, .CS, "CT")
    dataSet.set(.modality, .CS, "MR")
    #expect(dataSet.elements.count == 1)
    #expect(dataSet[.modality]?.value == .bytes(Array("MR".utf8)))
  }

  @Test(arguments: [
    (0.45, "0.45"), (-1024.0, "-1024"), (1.0, "1"), (-115.2, "-115.2"),
    (1.0 / 3.0, "0.33333333333333"), (123_456_789.123_456_78, "123456789.123457"),
  ])
  func decimalStringsFitSixteenCharacters(value: Double, text: String) throws {
    var dataSet = WritableDataSet()
    dataSet.setDecimals(.sliceThickness, [value])
    #expect(dataSet[.sliceThickness]?.value == .bytes(Array(text.utf8)))
  }
}
