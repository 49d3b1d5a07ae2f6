import Foundation
import Testing

@testable import DICOM

@Suite("Reading data sets")
struct DataSetReaderTests {
  @Test func readsExplicitLittleEndianPart10() throws {
    var body = DataSetBuilder()
    body.text(.specificCharacterSet, .CS, "ISO_IR 100")
    body.text(.modality, .CS, "CT")
    // "Müller^Hans" in ISO 8859-1: ü is the single byte 0xFC.
    body.element(
      .patientName, .PN, [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x5E, 0x48, 0x61, 0x6E, 0x73, 0x20])
    body.us(.rows, 512)
    body.text(.windowCenter, .DS, "40\\400")
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    #expect(file.hasPreamble)
    #expect(file.transferSyntax == .explicitVRLittleEndian)
    #expect(file.dataSet.string(.modality) == "CT")
    #expect(file.dataSet.string(.patientName) == "Müller^Hans")
    #expect(file.dataSet.int(.rows) == 512)
    #expect(file.dataSet.doubles(.windowCenter) == [40, 400])
    #expect(file.warnings.isEmpty)
  }

  @Test func readsUTF8Text() throws {
    var body = DataSetBuilder()
    body.text(.specificCharacterSet, .CS, "ISO_IR 192")
    body.text(.patientName, .PN, "Wang^XiaoDong=王^小東")
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    #expect(file.dataSet.string(.patientName) == "Wang^XiaoDong=王^小東")
  }

  @Test func readsImplicitVRWithoutMeta() throws {
    var body = DataSetBuilder(explicit: false)
    body.text(.modality, .CS, "MR")
    body.us(.rows, 64)
    body.us(.columns, 32)
    let file = try DICOMFile(bytes: Data(body.bytes))
    #expect(!file.hasPreamble)
    #expect(file.transferSyntax == .implicitVRLittleEndian)
    #expect(file.dataSet[.rows]?.vr == .US)
    #expect(file.dataSet.int(.columns) == 32)
  }

  @Test func readsBigEndianNumbers() throws {
    var body = DataSetBuilder(little: false)
    body.us(.rows, 0x0102)
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.2", body: body.bytes))
    #expect(file.dataSet.int(.rows) == 0x0102)
  }

  @Test func readsNestedSequencesOfUndefinedLength() throws {
    var inner = DataSetBuilder()
    inner.text(.sopInstanceUID, .UI, "1.2.3")
    var middle = DataSetBuilder()
    middle.sequence(.init(0x0008_1140), items: [inner.bytes, inner.bytes])
    var body = DataSetBuilder()
    body.sequence(.init(0x0008_1115), items: [middle.bytes])
    body.text(.modality, .CS, "CT")
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    let items = try #require(file.dataSet.sequence(.init(0x0008_1115)))
    #expect(items.count == 1)
    let nested = try #require(items[0].sequence(.init(0x0008_1140)))
    #expect(nested.map { $0.string(.sopInstanceUID) } == ["1.2.3", "1.2.3"])
    #expect(file.dataSet.string(.modality) == "CT")
  }

  @Test func readsUNOfUndefinedLengthAsImplicitSequence() throws {
    var inner = DataSetBuilder(explicit: false)
    inner.text(.sopInstanceUID, .UI, "9.8")
    var body = DataSetBuilder()
    // The sequence says UN, but its items are implicit VR little endian (PS3.5 6.2.2).
    body.header(.init(0x0009_1010), .UN, length: 0xFFFF_FFFF)
    body.tag(.item)
    body.u32(UInt32(inner.bytes.count))
    var raw = body.bytes + inner.bytes
    var end = DataSetBuilder()
    end.tag(.sequenceDelimitation)
    end.u32(0)
    raw += end.bytes
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: raw))
    let items = try #require(file.dataSet.sequence(.init(0x0009_1010)))
    #expect(items.first?.string(.sopInstanceUID) == "9.8")
  }

  @Test func findsPrivateElementsByCreator() throws {
    var body = DataSetBuilder()
    body.text(.init(0x0029_0010), .LO, "OTHER")
    body.text(.init(0x0029_0011), .LO, "ACME 1.0")
    body.text(.init(0x0029_1005), .LO, "wrong")
    body.text(.init(0x0029_1105), .LO, "right")
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    let element = try #require(
      file.dataSet.privateElement(group: 0x0029, creator: "ACME 1.0", offset: 0x05))
    #expect(file.dataSet.values(of: element) == ["right"])
  }

  @Test func toleratesOddLengthsWithAWarning() throws {
    var body = DataSetBuilder()
    body.text(.modality, .CS, "CT")
    body.element(.init(0x0008_0070), .LO, Array("ABC".utf8))
    body.text(.seriesDescription, .LO, "x")
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    #expect(file.dataSet.string(.manufacturer) == "ABC")
    #expect(file.warnings.contains { $0.message.contains("odd value length") })
  }

  @Test func stopsBeforePixelDataWhenAsked() throws {
    var body = DataSetBuilder()
    body.us(.rows, 2)
    body.element(.pixelData, .OW, [1, 2, 3, 4])
    let data = DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
    let file = try DICOMFile(bytes: data, options: .init(stopBeforePixelData: true))
    #expect(file.dataSet[.pixelData] == nil)
    #expect(file.dataSet.int(.rows) == 2)
  }
}

@Suite("Refusing bad input")
struct BadInputTests {
  @Test func emptyFileIsNotDICOM() {
    #expect(throws: DICOMError.self) { try DICOMFile(bytes: Data()) }
  }

  @Test func garbageIsNotDICOM() throws {
    let garbage = Data((0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 200) })
    let error = try #require(throws: DICOMError.self) { try DICOMFile(bytes: garbage) }
    #expect(error.kind == .notDICOM)
  }

  @Test func truncatedValueNamesTheElementAndOffset() throws {
    var body = DataSetBuilder()
    body.text(.modality, .CS, "CT")
    body.header(.pixelData, .OW, length: 1000)
    body.bytes += [0, 0, 0, 0]
    let data = DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
    let error = try #require(throws: DICOMError.self) { try DICOMFile(bytes: data) }
    #expect(error.kind == .truncated)
    #expect(error.tag == .pixelData)
    #expect(error.offset != nil)
    #expect(error.description.contains("(7FE0,0010)"))
  }

  @Test func everyPrefixOfAFileParsesOrFailsCleanly() throws {
    var inner = DataSetBuilder()
    inner.text(.sopInstanceUID, .UI, "1.2.3")
    var body = DataSetBuilder()
    body.text(.modality, .CS, "CT")
    body.sequence(.init(0x0008_1140), items: [inner.bytes])
    body.encapsulated(offsetTable: [0], fragments: [[0xFF, 0xD8, 1, 2, 0xFF, 0xD9]])
    let data = DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.4.70", body: body.bytes)
    for length in 0..<data.count {
      _ = try? DICOMFile(bytes: data.prefix(length))
    }
  }
}

@Suite("Pixel module rules")
struct PixelRuleTests {
  @Test func masksAndSignExtendsUnusedBits() {
    // dicom.md 7: BS = 12 in a 16-bit word.
    var unsigned = PixelFrame.Samples.uint16([0x0F0F, 0xFFFF])
    NativePixels.discardHighBits(&unsigned, keeping: 12)
    #expect(unsigned == .uint16([3855, 4095]))
    var signed = PixelFrame.Samples.int16([0x0F0F, -1])
    NativePixels.discardHighBits(&signed, keeping: 12)
    #expect(signed == .int16([-241, -1]))
  }

  @Test func splitsFramesByOffsetTableCountsAndMarkers() throws {
    let jpeg: [UInt8] = [0xFF, 0xD8, 7, 0xFF, 0xD9]
    let start: [UInt8] = [0xFF, 0xD8, 7, 8]
    let end: [UInt8] = [9, 0xFF, 0xD9, 0]
    func pixels(_ table: [UInt32], _ fragments: [[UInt8]]) -> EncapsulatedPixelData {
      var offset = 0
      var ranges: [EncapsulatedPixelData.Fragment] = []
      for fragment in fragments {
        ranges.append(.init(itemOffset: offset, range: offset + 8..<offset + 8 + fragment.count))
        offset += 8 + fragment.count
      }
      return EncapsulatedPixelData(basicOffsetTable: table, fragments: ranges)
    }
    let fragments = [start, end, jpeg]
    let flat = fragments.map { [UInt8](repeating: 0, count: 8) + $0 }.flatMap { $0 }
    let endsFrame: (EncapsulatedPixelData.Fragment) -> Bool = { fragment in
      let bytes = Array(flat[fragment.range])
      return bytes.suffix(2) == [0xFF, 0xD9] || bytes.dropLast().suffix(2) == [0xFF, 0xD9]
    }
    let byTable = try pixels([0, 24], fragments).frameFragmentIndices(
      numberOfFrames: 2, extendedOffsets: nil, fragmentEndsFrame: endsFrame)
    #expect(byTable == [[0, 1], [2]])
    let byMarkers = try pixels([], fragments).frameFragmentIndices(
      numberOfFrames: 2, extendedOffsets: nil, fragmentEndsFrame: endsFrame)
    #expect(byMarkers == [[0, 1], [2]])
    let oneFrame = try pixels([], fragments).frameFragmentIndices(
      numberOfFrames: 1, extendedOffsets: nil, fragmentEndsFrame: endsFrame)
    #expect(oneFrame == [[0, 1, 2]])
    let onePerFrame = try pixels([], fragments).frameFragmentIndices(
      numberOfFrames: 3, extendedOffsets: nil, fragmentEndsFrame: endsFrame)
    #expect(onePerFrame == [[0], [1], [2]])
    #expect(throws: DICOMError.self) {
      try pixels([0, 5], fragments).frameFragmentIndices(
        numberOfFrames: 2, extendedOffsets: nil, fragmentEndsFrame: endsFrame)
    }
  }

  @Test func decodesNativeFramesWithPlanarConfiguration() throws {
    var body = DataSetBuilder()
    body.us(.samplesPerPixel, 3)
    body.text(.photometricInterpretation, .CS, "RGB")
    body.us(.planarConfiguration, 1)
    body.us(.rows, 1)
    body.us(.columns, 2)
    body.us(.bitsAllocated, 8)
    body.us(.bitsStored, 8)
    body.us(.highBit, 7)
    body.us(.pixelRepresentation, 0)
    body.element(.pixelData, .OB, [1, 2, 3, 4, 5, 6])
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    let frame = try file.pixelFrame(0)
    #expect(frame.samples == .uint8([1, 3, 5, 2, 4, 6]))
  }

  @Test func refusesPixelDataShorterThanItsFrames() throws {
    var body = DataSetBuilder()
    body.us(.rows, 4)
    body.us(.columns, 4)
    body.us(.bitsAllocated, 16)
    body.element(.pixelData, .OW, [0, 0, 0, 0])
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    #expect(throws: DICOMError.self) { try file.pixelFrame(0) }
  }
}
