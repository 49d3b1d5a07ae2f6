import DICOM
import Foundation
import Testing

@Suite struct InstanceSummaryExtractionTests {
  static let files = [
    "CT_small.dcm", "MR_small.dcm", "MR_small_bigendian.dcm", "liver_1frame.dcm", "rtdose.dcm",
    "test-SR.dcm", "rtplan.dcm",
  ]

  @Test func summariesOfPydicomTestFilesMatchPydicom() throws {
    let folder = try PydicomOracle.testFilesFolder()
    let urls = Self.files.map { folder.appendingPathComponent($0) }
    let expected = try PydicomOracle.summaries(of: urls)
    for url in urls {
      let name = url.lastPathComponent
      let bytes = try Data(contentsOf: url)
      let whole = InstanceSummary(
        dataSet: try DICOMFile(bytes: bytes).dataSet, fileReference: url.path)
      let headers = try DICOMFile(
        bytes: bytes, options: DICOMFile.ReadOptions(stopBeforePixelData: true))
      let oracle = try #require(expected[name], "pydicom gave nothing for \(name)")
      let fromHeaders = InstanceSummary(
        dataSet: headers.dataSet, fileReference: url.path, hasPixelData: oracle.hasPixelData)
      #expect(whole == fromHeaders, "\(name): headers-only summary differs from the full read")
      Self.compare(whole, with: oracle, name: name)
    }
  }

  static func compare(_ summary: InstanceSummary, with oracle: PydicomOracle.Summary, name: String)
  {
    #expect(summary.sopClassUID == oracle.sopClassUID, "\(name)")
    #expect(summary.sopInstanceUID == oracle.sopInstanceUID, "\(name)")
    #expect(summary.studyInstanceUID == oracle.studyInstanceUID, "\(name)")
    #expect(summary.seriesInstanceUID == oracle.seriesInstanceUID, "\(name)")
    #expect(summary.patientID == oracle.patientID, "\(name)")
    #expect(summary.patientName == oracle.patientName, "\(name)")
    #expect(summary.modality == oracle.modality, "\(name)")
    #expect(summary.seriesNumber == oracle.seriesNumber, "\(name)")
    #expect(summary.seriesDescription == oracle.seriesDescription, "\(name)")
    #expect(summary.instanceNumber == oracle.instanceNumber, "\(name)")
    #expect(summary.rows == oracle.rows, "\(name)")
    #expect(summary.columns == oracle.columns, "\(name)")
    #expect(summary.numberOfFrames == oracle.numberOfFrames, "\(name)")
    let orientation = summary.imageOrientation.map {
      [$0.row.x, $0.row.y, $0.row.z, $0.column.x, $0.column.y, $0.column.z]
    }
    let position = summary.imagePosition.map { [$0.x, $0.y, $0.z] }
    // Enhanced objects have no top-level geometry: the summary takes frame 1's.
    let oracleFirstFrame = oracle.framePositions.first ?? []
    #expect(orientation ?? [] == oracle.orientation || !oracle.framePositions.isEmpty, "\(name)")
    #expect(position ?? [] == (oracle.position.isEmpty ? oracleFirstFrame : oracle.position))
    #expect(summary.pixelSpacing == oracle.pixelSpacing || !oracle.framePositions.isEmpty)
    #expect(summary.imageType == oracle.imageType, "\(name)")
    #expect(summary.acquisitionNumber == oracle.acquisitionNumber, "\(name)")
    #expect(summary.echoNumbers == oracle.echoNumbers, "\(name)")
    #expect(summary.triggerTime == oracle.triggerTime, "\(name)")
    #expect(summary.gridFrameOffsets == oracle.gridFrameOffsets, "\(name)")
    #expect(
      summary.frames.map { $0.position.map { [$0.x, $0.y, $0.z] } ?? [] } == oracle.framePositions,
      "\(name)")
    let expectImage = oracle.hasPixelData && (oracle.rows ?? 0) > 0 && (oracle.columns ?? 0) > 0
    #expect(summary.isImage == expectImage, "\(name)")
  }

  @Test func ctSmallHasTheExpectedValues() throws {
    let folder = try PydicomOracle.testFilesFolder()
    let bytes = try Data(contentsOf: folder.appendingPathComponent("CT_small.dcm"))
    let file = try DICOMFile(
      bytes: bytes, options: DICOMFile.ReadOptions(stopBeforePixelData: true))
    #expect(!file.dataSet.contains(.pixelData))
    let summary = InstanceSummary(dataSet: file.dataSet, fileReference: "ct", hasPixelData: true)
    #expect(summary.isImage)
    #expect(summary.imagePosition == PatientVector(-158.135803, -179.035797, -75.699997))
    #expect(summary.imageOrientation?.normal == PatientVector(0, 0, 1))
    #expect(summary.sliceThickness == 5)
    #expect(summary.imageType == ["ORIGINAL", "PRIMARY", "AXIAL"])
    #expect(summary.acquisitionNumber == 2)
    // Read without pixel data and without the caller's word: not an image.
    #expect(!InstanceSummary(dataSet: file.dataSet, fileReference: "ct").isImage)
  }

  @Test func enhancedFunctionalGroupsGivePerFrameGeometry() throws {
    let file = try DICOMFile(bytes: EnhancedFixture.bytes())
    let summary = InstanceSummary(dataSet: file.dataSet, fileReference: "enhanced")
    #expect(summary.isImage)
    #expect(summary.numberOfFrames == 4)
    #expect(summary.frames.map { $0.position?.z } == [10, 0, 5, 0])
    #expect(
      summary.frames.map { $0.orientation?.planeName } == ["axial", "axial", "axial", "coronal"])
    #expect(summary.frames.map(\.inStackPositionNumber) == [3, 1, 2, 1])
    #expect(summary.frames.map(\.stackID) == ["1", "1", "1", "2"])
    #expect(summary.frames.map(\.temporalPositionIndex) == [1, 1, 1, 1])
    #expect(summary.frames[0].dimensionIndexValues == [1, 3])
    // Top-level geometry and pixel measures come from frame 1 and the shared group.
    #expect(summary.imagePosition == PatientVector(-60, -60, 10))
    #expect(summary.pixelSpacing == [0.5, 0.5])
    #expect(summary.sliceThickness == 2)

    let stacks = SeriesAssembler.assemble([summary])
    #expect(stacks.map(\.label) == ["stack 1, axial", "stack 2, coronal"])
    #expect(stacks[0].frames.map(\.frameNumber) == [2, 3, 1])
    #expect(stacks[0].distances == [0, 5, 10])
    #expect(stacks[0].warnings.isEmpty)
    #expect(stacks[1].frames.map(\.frameNumber) == [4])
    #expect(stacks[1].warnings == [.tooFewFrames(count: 1)])
  }
}

/// A four-frame Enhanced MR built element by element: three axial frames in stack 1 given out
/// of order, and a coronal frame in stack 2 whose orientation overrides the shared one.
enum EnhancedFixture {
  static func bytes() -> Data {
    var body = DataSetBuilder()
    body.text(.sopClassUID, .UI, "1.2.840.10008.5.1.4.1.1.4.1")
    body.text(.sopInstanceUID, .UI, "2.25.6000")
    body.text(.modality, .CS, "MR")
    body.text(.studyInstanceUID, .UI, "2.25.6001")
    body.text(.seriesInstanceUID, .UI, "2.25.6002")
    body.text(.instanceNumber, .IS, "1")
    body.us(.samplesPerPixel, 1)
    body.text(.photometricInterpretation, .CS, "MONOCHROME2")
    body.text(.numberOfFrames, .IS, "4")
    body.us(.rows, 2)
    body.us(.columns, 2)
    body.us(.bitsAllocated, 16)
    body.us(.bitsStored, 16)
    body.us(.highBit, 15)
    body.us(.pixelRepresentation, 0)
    body.sequence(.sharedFunctionalGroupsSequence, items: [shared()])
    body.sequence(
      .perFrameFunctionalGroupsSequence,
      items: [
        frame(stack: "1", inStack: 3, z: 10, orientation: nil),
        frame(stack: "1", inStack: 1, z: 0, orientation: nil),
        frame(stack: "1", inStack: 2, z: 5, orientation: nil),
        frame(stack: "2", inStack: 1, z: 0, orientation: "1\\0\\0\\0\\0\\-1"),
      ])
    body.element(.pixelData, .OW, [UInt8](repeating: 0, count: 2 * 2 * 2 * 4))
    return DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes)
  }

  private static func shared() -> [UInt8] {
    var orientation = DataSetBuilder()
    orientation.text(.imageOrientationPatient, .DS, "1\\0\\0\\0\\1\\0")
    var measures = DataSetBuilder()
    measures.text(.sliceThickness, .DS, "2")
    measures.text(.pixelSpacing, .DS, "0.5\\0.5")
    var item = DataSetBuilder()
    item.sequence(.planeOrientationSequence, items: [orientation.bytes])
    item.sequence(.pixelMeasuresSequence, items: [measures.bytes])
    return item.bytes
  }

  private static func frame(stack: String, inStack: UInt32, z: Double, orientation: String?)
    -> [UInt8]
  {
    var content = DataSetBuilder()
    content.text(.stackID, .SH, stack)
    content.element(.inStackPositionNumber, .UL, ul(inStack))
    content.element(.temporalPositionIndex, .UL, ul(1))
    content.element(.dimensionIndexValues, .UL, ul(1) + ul(inStack))
    var position = DataSetBuilder()
    position.text(.imagePositionPatient, .DS, "-60\\-60\\\(formatted(z))")
    var item = DataSetBuilder()
    item.sequence(.frameContentSequence, items: [content.bytes])
    item.sequence(.planePositionSequence, items: [position.bytes])
    if let orientation {
      var plane = DataSetBuilder()
      plane.text(.imageOrientationPatient, .DS, orientation)
      item.sequence(.planeOrientationSequence, items: [plane.bytes])
    }
    return item.bytes
  }

  private static func ul(_ value: UInt32) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
  }

  private static func formatted(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

@Suite struct MalformedHeaderTests {
  @Test func badGeometryAndFrameCountsGiveNilsNotCrashes() throws {
    var body = DataSetBuilder()
    body.text(.seriesInstanceUID, .UI, "2.25.7000")
    body.text(.imagePositionPatient, .DS, "1\\abc")
    body.text(.imageOrientationPatient, .DS, "1\\0\\0\\1\\0\\0")
    body.text(.numberOfFrames, .IS, "-5")
    body.us(.rows, 4)
    body.us(.columns, 4)
    body.sequence(.perFrameFunctionalGroupsSequence, items: [[]])
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    let summary = InstanceSummary(dataSet: file.dataSet, fileReference: "bad", hasPixelData: true)
    #expect(summary.imagePosition == nil)
    // Row and column parallel: no plane, no normal.
    #expect(summary.imageOrientation == nil)
    #expect(summary.numberOfFrames == 1)
    #expect(summary.frames == [FrameGeometry()])
    let stacks = SeriesAssembler.assemble([summary])
    #expect(stacks.count == 1)
    #expect(stacks[0].ordering == .instanceNumber)
  }

  @Test func hugeNumberOfFramesIsNotAllocated() throws {
    var body = DataSetBuilder()
    body.text(.numberOfFrames, .IS, "2147483647")
    body.us(.rows, 4)
    body.us(.columns, 4)
    let file = try DICOMFile(
      bytes: DataSetBuilder.part10(transferSyntax: "1.2.840.10008.1.2.1", body: body.bytes))
    let summary = InstanceSummary(dataSet: file.dataSet, fileReference: "huge", hasPixelData: true)
    #expect(summary.numberOfFrames == 1)
  }

  @Test func nothingInNothingOut() {
    #expect(SeriesAssembler.assemble([]).isEmpty)
  }

  @Test func instancesWithoutSeriesUIDStillFormAStack() {
    let slices = (1...3).map { number -> InstanceSummary in
      var slice = Synthetic.slice(number, z: Double(number))
      slice.seriesInstanceUID = nil
      return slice
    }
    let stacks = SeriesAssembler.assemble(slices)
    #expect(stacks.count == 1)
    #expect(stacks[0].id == "no-series-uid:\(Synthetic.studyUID):3")
    #expect(stacks[0].frames.count == 3)
  }
}
