import DICOM
import Foundation
import Testing

@Suite struct DICOMWriterRoundTripTests {
  private func written(
    _ dataSet: WritableDataSet, syntax: TransferSyntax = .explicitVRLittleEndian
  ) throws -> DICOMFile {
    let bytes = try DICOMWriter.part10(
      dataSet, sopClassUID: SampleWritableDataSets.sopClassUID,
      sopInstanceUID: SampleWritableDataSets.sopInstanceUID, transferSyntax: syntax)
    return try DICOMFile(bytes: bytes)
  }

  @Test(arguments: [TransferSyntax.explicitVRLittleEndian, .implicitVRLittleEndian])
  func textAndNumbersReadBack(syntax: TransferSyntax) throws {
    let file = try written(SampleWritableDataSets.allHelpersDataSet(), syntax: syntax)
    #expect(file.warnings.isEmpty)
    #expect(file.transferSyntax == syntax)
    let dataSet = file.dataSet
    #expect(dataSet.string(.patientName) == "Phantom^Test1")
    #expect(dataSet.strings(.imageType) == ["ORIGINAL", "PRIMARY", "AXIAL"])
    #expect(dataSet.doubles(.windowCenter) == [40, 75, 400])
    #expect(dataSet.doubles(.windowWidth) == [80, 200, 1800])
    #expect(dataSet.strings(.windowCenterWidthExplanation) == ["BRAIN", "SUBDURAL", "BONE"])
    #expect(dataSet.doubles(.pixelSpacing) == [0.45, 0.45])
    #expect(dataSet.int(.instanceNumber) == 7)
    #expect(dataSet.string(.sopInstanceUID) == SampleWritableDataSets.sopInstanceUID)
    #expect(dataSet.string(.sopClassUID) == SampleWritableDataSets.sopClassUID)
    #expect(dataSet.string(.studyInstanceUID) == "2.25.42")
    #expect(dataSet.int(.rows) == 3)
    #expect(dataSet.ints(Tag(0x0028_9001)) == [123_456])
    #expect(dataSet.ints(Tag(0x0018_6020)) == [-42])
    if syntax.isExplicitVR {
      // Implicit VR reads private elements as UN, so their bytes only read back typed when explicit.
      #expect(dataSet.bytes(Tag(0x0009_1001)) == [1, 2, 3, 0])
      // "US or SS" in the dictionary: the reader does not yet resolve it from Pixel Representation.
      #expect(dataSet.ints(.pixelPaddingValue) == [-2000])
    }
    #expect(dataSet.doubles(Tag(0x0010_9431)) == [1.5])
    #expect(dataSet.doubles(Tag(0x0018_9089)) == [0.25, -0.5, 1])
    #expect(dataSet.strings(Tag(0x0040_A160)) == [SampleWritableDataSets.longText])
    let items = try #require(dataSet.sequence(Tag(0x0040_0275)))
    #expect(items.count == 2)
    #expect(items[0].string(Tag(0x0008_0100)) == "OUTER")
    let nested = try #require(items[0].sequence(Tag(0x0008_2218)))
    #expect(nested.count == 2)
    #expect(nested.map { $0.string(Tag(0x0008_0104)) } == ["Brain", "Brain"])
    #expect(items[1].doubles(.imagePositionPatient) == [-115.2, -115.2, -78.75])
    #expect(dataSet.sequence(Tag(0x0040_0260))?.isEmpty == true)
  }

  @Test func framePixelsReadBack() throws {
    let file = try written(SampleWritableDataSets.imageDataSet())
    let frame = try file.pixelFrame(0)
    #expect(frame.samples == .int16(SampleWritableDataSets.pixels))
    #expect(frame.rows == 3 && frame.columns == 5)
  }

  @Test func fileMetaInformationIsComplete() throws {
    let file = try written(SampleWritableDataSets.imageDataSet())
    #expect(file.hasPreamble)
    let meta = file.meta
    #expect(meta.string(.mediaStorageSOPClassUID) == SampleWritableDataSets.sopClassUID)
    #expect(meta.string(.mediaStorageSOPInstanceUID) == SampleWritableDataSets.sopInstanceUID)
    #expect(meta.string(.transferSyntaxUID) == TransferSyntax.explicitVRLittleEndian.uid)
    #expect(meta.string(Tag(0x0002_0012)) == DICOMWriter.implementationClassUID)
    #expect(meta.string(Tag(0x0002_0013)) == "ANNOTTY_1")
    #expect(meta.bytes(Tag(0x0002_0001)) == [0, 1])
    // The group length counts every meta byte after the group length element itself.
    let groupLength = try #require(meta.int(.fileMetaInformationGroupLength))
    let lengthElement = try #require(meta[.fileMetaInformationGroupLength])
    let lastMeta = try #require(meta.elements.last)
    #expect(lengthElement.valueRange.upperBound + groupLength == lastMeta.valueRange.upperBound)
    #expect(file.dataSet.elements.first?.offset == lastMeta.valueRange.upperBound)
  }

  @Test func elementsAreAscendingWithEvenLengths() throws {
    let file = try written(SampleWritableDataSets.allHelpersDataSet())
    func check(_ dataSet: DataSet) {
      let tags = dataSet.elements.map(\.tag)
      #expect(tags == tags.sorted())
      for element in dataSet.elements {
        #expect(element.length % 2 == 0, "odd length in \(element.tag)")
        #expect(!element.hasUndefinedLength, "undefined length in \(element.tag)")
        for item in element.items ?? [] { check(item) }
      }
    }
    check(file.meta)
    check(file.dataSet)
  }

  @Test func paddingFollowsTheVR() throws {
    let file = try written(SampleWritableDataSets.imageDataSet())
    #expect(file.dataSet.bytes(.patientName)?.last == 0x20)
    #expect(file.dataSet.bytes(.sopInstanceUID)?.last == 0x00)
    #expect(file.meta.bytes(Tag(0x0002_0013)) == Array("ANNOTTY_1 ".utf8))
  }

  @Test func writingIsDeterministic() throws {
    let dataSet = SampleWritableDataSets.allHelpersDataSet()
    let first = try DICOMWriter.part10(dataSet, sopClassUID: "1.2", sopInstanceUID: "1.2.3")
    let second = try DICOMWriter.part10(dataSet, sopClassUID: "1.2", sopInstanceUID: "1.2.3")
    #expect(first == second)
  }
}

@Suite struct HeaderOnlyPixelDataFlagTests {
  @Test func headerOnlyReadsStillKnowThereArePixels() throws {
    var set = WritableDataSet()
    set.set(.modality, .CS, "CT")
    set.setUInt16(.rows, [2])
    set.setUInt16(.columns, [2])
    set.set(.pixelData, .OW, bytes: [1, 0, 2, 0, 3, 0, 4, 0])
    let bytes = try DICOMWriter.part10(
      set, sopClassUID: "1.2.840.10008.5.1.4.1.1.7", sopInstanceUID: "2.25.5")
    let header = try DICOMFile(bytes: bytes, options: .init(stopBeforePixelData: true))
    #expect(header.dataSet[.pixelData] == nil && header.hasPixelData)
    #expect(try DICOMFile(bytes: bytes).hasPixelData)
    set.remove(.pixelData)
    let none = try DICOMWriter.part10(
      set, sopClassUID: "1.2.840.10008.5.1.4.1.1.7", sopInstanceUID: "2.25.5")
    #expect(!(try DICOMFile(bytes: none, options: .init(stopBeforePixelData: true)).hasPixelData))
  }
}
