import DICOM
import Testing

@Suite struct StackOrderingTests {
  @Test func axialSeriesIsOrderedByPositionWhateverTheInputAndInstanceNumbers() {
    // Instance numbers deliberately disagree with positions: position wins.
    let scrambledNumbers = [7, 3, 9, 1, 10, 2, 8, 4, 6, 5]
    let slices = (0..<10).map { Synthetic.slice(scrambledNumbers[$0], z: Double($0) * 2.5) }
    for seed in [1, 2, 3] as [UInt64] {
      let stacks = SeriesAssembler.assemble(shuffled(slices, seed: seed))
      #expect(stacks.count == 1)
      let stack = stacks[0]
      #expect(stack.id == Synthetic.seriesUID)
      #expect(stack.label == "")
      #expect(stack.ordering == .slicePosition)
      #expect(stack.distances == (0..<10).map { Double($0) * 2.5 })
      #expect(stack.instanceNumbers == scrambledNumbers)
      #expect(stack.frames.allSatisfy { $0.frameNumber == 1 })
      #expect(isClose(stack.sliceSpacing, 2.5))
      #expect(stack.warnings.isEmpty)
    }
  }

  @Test func reversedAcquisitionIsStillAscendingAlongTheNormal() {
    // Head-first numbering: instance 1 at the top (z = 45), z falling with instance number.
    let slices = (1...10).map { Synthetic.slice($0, z: 50 - Double($0) * 5) }
    let stack = SeriesAssembler.assemble(slices)[0]
    #expect(stack.distances == stride(from: 0.0, through: 45, by: 5).map { $0 })
    #expect(stack.instanceNumbers == Array((1...10).reversed()))
    #expect(stack.warnings.isEmpty)
  }

  @Test func sortingFollowsTheSliceNormalNotAPatientAxis() {
    // Sagittal row (0,1,0) × column (0,0,-1) gives normal (-1,0,0): ascending distance means
    // descending x.
    let slices = [10.0, -5, 0, 5, -10].enumerated().map { index, x in
      var slice = Synthetic.slice(index + 1, z: 0, orientation: Synthetic.sagittal)
      slice.imagePosition = PatientVector(x, -100, 100)
      return slice
    }
    let stack = SeriesAssembler.assemble(slices)[0]
    #expect(stack.frames.compactMap(\.position?.x) == [10, 5, 0, -5, -10])
    #expect(stack.distances == [-10, -5, 0, 5, 10])
    #expect(stack.orientation?.planeName == "sagittal")
  }

  @Test func instanceNumberIsTheFallbackWhenPositionsAreMissing() {
    let slices = [4, 2, 5, 1, 3].map { Synthetic.slice($0, z: nil, orientation: nil) }
    let stack = SeriesAssembler.assemble(slices)[0]
    #expect(stack.ordering == .instanceNumber)
    #expect(stack.instanceNumbers == [1, 2, 3, 4, 5])
    #expect(stack.frames.allSatisfy { $0.distance == nil })
    // 2-D images (US, DX, SC) have no geometry to check and nothing to warn about.
    #expect(stack.warnings.isEmpty)
  }

  @Test func somePositionsMissingFallsBackToInstanceNumberWithAWarning() {
    var slices = Synthetic.axialStack(count: 5).reversed().map { $0 }
    slices[1].imagePosition = nil
    let stack = SeriesAssembler.assemble(slices)[0]
    #expect(stack.ordering == .instanceNumber)
    #expect(stack.instanceNumbers == [1, 2, 3, 4, 5])
    #expect(stack.warnings == [.missingPositions(framesWithoutPosition: 1, frameCount: 5)])
  }

  @Test func equalPositionsAreOrderedByInstanceNumber() {
    let slices = [3, 1, 2].map { Synthetic.slice($0, z: 0) }
    let stack = SeriesAssembler.assemble(slices)[0]
    #expect(stack.instanceNumbers == [1, 2, 3])
  }

  @Test func nonImagesAreLeftOut() {
    var report = Synthetic.slice(1, z: nil, orientation: nil)
    report.isImage = false
    report.seriesInstanceUID = "2.25.999"
    let stacks = SeriesAssembler.assemble([report] + Synthetic.axialStack(count: 3))
    #expect(stacks.map(\.seriesInstanceUID) == [Synthetic.seriesUID])
  }

  @Test func seriesAreGroupedBySeriesInstanceUID() {
    let first = Synthetic.axialStack(count: 3)
    let second = (1...4).map { Synthetic.slice($0, z: Double($0), series: "2.25.1002") }
    let stacks = SeriesAssembler.assemble(shuffled(first + second, seed: 9))
    #expect(Set(stacks.map(\.id)) == [Synthetic.seriesUID, "2.25.1002"])
    #expect(stacks.map(\.frames.count).sorted() == [3, 4])
  }
}
