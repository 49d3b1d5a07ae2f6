import DICOM
import Foundation
import Testing

@Suite struct GeometryWarningTests {
  @Test func missingSlicesAreReportedWithTheGap() {
    // 0, 2.5, 5, [7.5, 10 missing], 12.5, ... 22.5
    let slices = Synthetic.axialStack(count: 10).filter {
      ![7.5, 10].contains($0.imagePosition!.z)
    }
    let stack = SeriesAssembler.assemble(shuffled(slices, seed: 7))[0]
    #expect(stack.frames.count == 8)
    #expect(
      stack.warnings == [
        .missingSlices(
          MissingSlices(
            afterFrame: 3, fromDistance: 5, toDistance: 12.5, medianSpacing: 2.5,
            likelyMissing: 2))
      ])
    let text = stack.warnings[0].description
    #expect(text.contains("Gap of 7.5 mm between frame 3 (at 5 mm) and frame 4 (at 12.5 mm)"))
    #expect(text.contains("about 2 slices missing"))
  }

  @Test func irregularSpacingGivesMinimumMaximumAndMedian() {
    let positions = [0, 2.5, 5, 8, 10.5, 12.5, 15]
    let slices = positions.enumerated().map { Synthetic.slice($0.offset + 1, z: $0.element) }
    let stack = SeriesAssembler.assemble(slices)[0]
    guard case .irregularSpacing(let spacing) = stack.warnings.first, stack.warnings.count == 1
    else {
      Issue.record("expected one irregular-spacing warning, got \(stack.warnings)")
      return
    }
    #expect(spacing.minimum == 2)
    #expect(spacing.maximum == 3)
    #expect(spacing.median == 2.5)
    #expect(spacing.spacings == [2.5, 2.5, 3, 2.5, 2, 2.5])
    #expect(spacing.description.contains("min 2, max 3, median 2.5 mm"))
  }

  @Test func roundingNoiseInPositionsIsNotIrregular() {
    let positions = [0, 0.625, 1.2501, 1.8749, 2.5, 3.1251]
    let slices = positions.enumerated().map { Synthetic.slice($0.offset + 1, z: $0.element) }
    #expect(SeriesAssembler.assemble(slices)[0].warnings.isEmpty)
  }

  @Test func gantryTiltOfFifteenDegreesIsMeasured() {
    // Tilted CT: the image plane is rotated about x; the table still steps along z.
    let tilt = 15.0 * Double.pi / 180
    let orientation = ImageOrientation(
      row: PatientVector(1, 0, 0), column: PatientVector(0, cos(tilt), -sin(tilt)))
    let slices = (0..<12).map { index in
      var slice = Synthetic.slice(index + 1, z: Double(index) * 2.5, orientation: orientation)
      slice.gantryDetectorTilt = 15
      return slice
    }
    let stack = SeriesAssembler.assemble(shuffled(slices, seed: 3))[0]
    #expect(stack.instanceNumbers == Array(1...12))
    guard case .gantryTilt(let measured) = stack.warnings.first, stack.warnings.count == 1 else {
      Issue.record("expected one gantry-tilt warning, got \(stack.warnings)")
      return
    }
    #expect(isClose(measured.degrees, 15, within: 1e-9))
    #expect(measured.headerDegrees == 15)
    // dicom.md §10.2: the step along the normal is spacing · cos(tilt).
    #expect(isClose(measured.spacingAlongNormal, 2.5 * cos(tilt), within: 1e-9))
    #expect(isClose(stack.sliceSpacing, 2.415, within: 1e-3))
    #expect(measured.description.contains("15 degrees"))
  }

  @Test func smallTiltBelowHalfADegreeIsNotReported() {
    let slices = (0..<10).map { index in
      var slice = Synthetic.slice(index + 1, z: Double(index) * 2.5)
      slice.imagePosition = PatientVector(-100, -100 + Double(index) * 0.01, Double(index) * 2.5)
      return slice
    }
    #expect(SeriesAssembler.assemble(slices)[0].warnings.isEmpty)
  }

  @Test func duplicatePositionsAreCountedWithWhere() {
    var slices = Synthetic.axialStack(count: 5)
    slices.append(Synthetic.slice(6, z: 2.5))
    slices.append(Synthetic.slice(7, z: 7.5))
    slices.append(Synthetic.slice(8, z: 7.5))
    let stack = SeriesAssembler.assemble(slices)[0]
    #expect(stack.frames.count == 8)
    guard case .duplicatePositions(let duplicates) = stack.warnings.first,
      stack.warnings.count == 1
    else {
      Issue.record("expected one duplicate-position warning, got \(stack.warnings)")
      return
    }
    #expect(duplicates.extraFrames == 3)
    #expect(duplicates.sites.map(\.distance) == [2.5, 7.5])
    #expect(duplicates.sites.map(\.frameCount) == [2, 3])
    #expect(duplicates.sites[1].position == PatientVector(-100, -100, 7.5))
    // Duplicates do not shrink the spacing or count as gaps.
    #expect(stack.sliceSpacing == 2.5)
    #expect(stack.warnings[0].description.contains("3 extra frames at 2 positions"))
  }

  @Test func aSingleSliceHasTooFewFramesForAVolume() {
    let stack = SeriesAssembler.assemble([Synthetic.slice(1, z: 0)])[0]
    #expect(stack.warnings == [.tooFewFrames(count: 1)])
    #expect(stack.sliceSpacing == nil)
  }

  @Test func twoSlicesGiveASpacingButNoSpacingChecks() {
    let stack = SeriesAssembler.assemble(Synthetic.axialStack(count: 2, spacing: 3))[0]
    #expect(stack.sliceSpacing == 3)
    #expect(stack.warnings.isEmpty)
  }

  @Test func everyWarningDescribesItself() {
    let warnings: [StackWarning] = [
      .tooFewFrames(count: 1),
      .missingPositions(framesWithoutPosition: 2, frameCount: 9),
      .inconsistentOrientation(InconsistentOrientation(maximumDegrees: 0.25, framesDiffering: 2)),
      .gantryTilt(GantryTilt(degrees: 18.5, headerDegrees: nil, spacingAlongNormal: 2.371)),
    ]
    let texts = warnings.map(\.description)
    #expect(texts[0] == "Only 1 frame with 3-D geometry: not a volume, no slice spacing")
    #expect(texts[1].hasPrefix("2 of 9 frames have no Image Position"))
    #expect(texts[2].contains("2 frames differ by up to 0.25 degrees"))
    #expect(texts[3].contains("18.5 degrees") && texts[3].contains("2.37 mm"))
  }
}
