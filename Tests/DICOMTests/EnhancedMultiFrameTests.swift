import DICOM
import Testing

@Suite struct EnhancedMultiFrameTests {
  static func enhanced(positions: [Double], temporal: [Int?]? = nil) -> InstanceSummary {
    let frames = positions.enumerated().map { index, z in
      FrameGeometry(
        position: PatientVector(-120, -120, z), orientation: Synthetic.axial, stackID: "1",
        inStackPositionNumber: index + 1, temporalPositionIndex: temporal?[index])
    }
    return InstanceSummary(
      fileReference: "enhanced.dcm", sopClassUID: "1.2.840.10008.5.1.4.1.1.4.1",
      sopInstanceUID: "2.25.3000", studyInstanceUID: Synthetic.studyUID,
      seriesInstanceUID: "2.25.3001", modality: "MR", instanceNumber: 1, rows: 32, columns: 32,
      numberOfFrames: positions.count, imageOrientation: Synthetic.axial,
      imagePosition: frames.first?.position, frames: frames)
  }

  @Test func perFramePositionsAreSorted() {
    let stacks = SeriesAssembler.assemble([Self.enhanced(positions: [12, 0, 8, 4, 16])])
    #expect(stacks.count == 1)
    let stack = stacks[0]
    #expect(stack.ordering == .slicePosition)
    #expect(stack.frames.map(\.frameNumber) == [2, 4, 3, 1, 5])
    #expect(stack.distances == [0, 4, 8, 12, 16])
    #expect(stack.frames.allSatisfy { $0.fileReference == "enhanced.dcm" })
    #expect(stack.sliceSpacing == 4)
    #expect(stack.warnings.isEmpty)
  }

  @Test func temporalPositionIndexSplitsAnEnhancedObject() {
    let instance = Self.enhanced(
      positions: [0, 5, 10, 0, 5, 10], temporal: [1, 1, 1, 2, 2, 2])
    let stacks = SeriesAssembler.assemble([instance])
    #expect(stacks.map(\.label) == ["time 1", "time 2"])
    #expect(stacks[1].frames.map(\.frameNumber) == [4, 5, 6])
    #expect(stacks.allSatisfy { $0.warnings.isEmpty })
  }

  @Test func eachMultiFrameObjectIsItsOwnStack() {
    var first = Self.enhanced(positions: [0, 5, 10])
    var second = Self.enhanced(positions: [0, 5, 10])
    first.instanceNumber = 1
    second.instanceNumber = 2
    second.sopInstanceUID = "2.25.3002"
    second.fileReference = "enhanced-2.dcm"
    let stacks = SeriesAssembler.assemble([second, first])
    #expect(
      stacks.map(\.label)
        == ["multi-frame", "multi-frame"].enumerated().map {
          "\($0.element) \($0.offset + 1)"
        })
    #expect(stacks.map { $0.frames[0].fileReference } == ["enhanced.dcm", "enhanced-2.dcm"])
    #expect(stacks.allSatisfy { $0.warnings.isEmpty })
  }

  @Test func classicMultiFrameWithoutPerFrameGeometryKeepsFrameOrder() {
    let cine = InstanceSummary(
      fileReference: "cine.dcm", sopInstanceUID: "2.25.4000", seriesInstanceUID: "2.25.4001",
      modality: "US", rows: 48, columns: 64, numberOfFrames: 4)
    let stack = SeriesAssembler.assemble([cine])[0]
    #expect(stack.ordering == .instanceNumber)
    #expect(stack.frames.map(\.frameNumber) == [1, 2, 3, 4])
    #expect(stack.warnings.isEmpty)
  }

  @Test func gridFrameOffsetsPlaceRTDoseFrames() {
    let dose = InstanceSummary(
      fileReference: "dose.dcm", sopInstanceUID: "2.25.5000", seriesInstanceUID: "2.25.5001",
      modality: "RTDOSE", rows: 10, columns: 10, numberOfFrames: 3,
      imageOrientation: Synthetic.axial, imagePosition: PatientVector(0, 0, -20),
      gridFrameOffsets: [0, -5, 5])
    let stack = SeriesAssembler.assemble([dose])[0]
    #expect(stack.frames.map(\.frameNumber) == [2, 1, 3])
    #expect(stack.distances == [-25, -20, -15])
    #expect(stack.warnings.isEmpty)
  }
}
