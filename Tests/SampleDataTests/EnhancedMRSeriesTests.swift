import DICOM
import Foundation
import SampleData
import Testing

@Suite struct EnhancedMRSeriesTests {
  @Test func multiFrameAttributes() throws {
    let dataSet = try GeneratedStudy.mr().dataSet
    #expect(dataSet.string(.sopClassUID) == EnhancedMRSeries.sopClassUID)
    #expect(dataSet.string(.modality) == "MR")
    #expect(dataSet.int(.numberOfFrames) == 24)
    #expect(dataSet.int(.rows) == 256 && dataSet.int(.columns) == 256)
    #expect(dataSet.int(.pixelRepresentation) == 0)
    #expect(dataSet.strings(.imageType) == ["ORIGINAL", "PRIMARY", "M", "NONE"])
  }

  @Test func sharedFunctionalGroupsReadBack() throws {
    let dataSet = try GeneratedStudy.mr().dataSet
    let shared = try require(dataSet.sequence(.sharedFunctionalGroupsSequence)?.first, "shared")
    let measures = try require(shared.sequence(.pixelMeasuresSequence)?.first, "pixel measures")
    #expect(measures.doubles(.pixelSpacing) == [0.9375, 0.9375])
    #expect(measures.double(.sliceThickness) == 5)
    let orientation = try require(
      shared.sequence(.planeOrientationSequence)?.first, "plane orientation")
    #expect(orientation.doubles(.imageOrientationPatient) == [1, 0, 0, 0, 1, 0])
    let window = try require(shared.sequence(.frameVOILUTSequence)?.first, "frame VOI LUT")
    #expect(window.doubles(.windowCenter) == [1000])
    #expect(window.doubles(.windowWidth) == [2000])
  }

  @Test func perFramePositionsReadBack() throws {
    let dataSet = try GeneratedStudy.mr().dataSet
    let frames = try require(dataSet.sequence(.perFrameFunctionalGroupsSequence), "per-frame")
    #expect(frames.count == 24)
    for (index, frame) in frames.enumerated() {
      let position = try require(
        frame.sequence(.planePositionSequence)?.first, "plane position of frame \(index + 1)")
      let expectedZ = (Double(index) - 11.5) * 5
      #expect(position.doubles(.imagePositionPatient) == [-119.53125, -119.53125, expectedZ])
      let content = try require(
        frame.sequence(Tag(0x0020_9111))?.first, "frame content of frame \(index + 1)")
      #expect(content.int(Tag(0x0020_9057)) == index + 1)
      #expect(content.ints(Tag(0x0020_9157)) == [1, index + 1])
    }
  }

  @Test func t2ContrastHasBrightFluid() throws {
    let mr = try GeneratedStudy.mr()
    // Frame 14 is at z = 12.5 mm, through the ventricles.
    let samples = try mr.pixelFrame(14).doubleSamples()
    func mean(x: Double, y: Double) -> Double {
      let column = Int(((x + 119.53125) / 0.9375).rounded())
      let row = Int(((y + 119.53125) / 0.9375).rounded())
      var total = 0.0
      for r in (row - 1)...(row + 1) {
        for c in (column - 1)...(column + 1) { total += samples[r * 256 + c] }
      }
      return total / 9
    }
    let csf = mean(x: 11, y: -4)
    let white = mean(x: 0, y: 40)
    let air = mean(x: -115, y: -115)
    #expect(abs(csf - 1900) < 20, "CSF \(csf)")
    #expect(abs(white - 620) < 20, "white matter \(white)")
    #expect(air < 20, "air \(air)")
  }
}
