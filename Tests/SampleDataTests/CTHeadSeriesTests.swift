import DICOM
import Foundation
import SampleData
import Testing

@Suite struct CTHeadSeriesTests {
  /// Mean HU of a 5x5 patch centred on patient (x, y) of slice `index`, noise averaged out.
  private func meanHU(slice index: Int, x: Double, y: Double) throws -> Double {
    let file = try GeneratedStudy.ct()[index].file
    let dataSet = file.dataSet
    let spacing = dataSet.doubles(.pixelSpacing)
    let origin = dataSet.doubles(.imagePositionPatient)
    let intercept = try require(dataSet.double(.rescaleIntercept), "Rescale Intercept")
    let slope = try require(dataSet.double(.rescaleSlope), "Rescale Slope")
    let columns = try require(dataSet.int(.columns), "Columns")
    let column = Int(((x - origin[0]) / spacing[1]).rounded())
    let row = Int(((y - origin[1]) / spacing[0]).rounded())
    let samples = try file.pixelFrame(0).doubleSamples()
    var total = 0.0
    for r in (row - 2)...(row + 2) {
      for c in (column - 2)...(column + 2) {
        total += samples[r * columns + c] * slope + intercept
      }
    }
    return total / 25
  }

  @Test(arguments: [
    // (slice, x, y, expected HU, what)
    (31, -110.0, -110.0, -1000.0, "air"),
    (31, 0.0, 40.0, 28.0, "white matter"),
    (31, 0.0, -75.0, 38.0, "gray matter"),
    (31, 0.0, -87.0, 1000.0, "skull"),
    (31, 72.0, 0.0, 40.0, "scalp"),
    (36, 11.0, -4.0, 5.0, "ventricle CSF"),
    (40, 34.0, -30.0, 70.0, "hemorrhage"),
    (31, -32.0, 35.0, 18.0, "infarct"),
    (0, 0.0, 0.0, 1000.0, "skull cap cut tangentially at the lowest slice"),
  ])
  func hounsfieldUnitsAtKnownPoints(
    slice: Int, x: Double, y: Double, expected: Double, what: String
  ) throws {
    let mean = try meanHU(slice: slice, x: x, y: y)
    #expect(abs(mean - expected) < 3, "\(what): mean \(mean) HU, expected \(expected)")
  }

  @Test func noiseIsMild() throws {
    let file = try GeneratedStudy.ct()[31].file
    let samples = try file.pixelFrame(0).doubleSamples()
    // A 40x40 patch of white matter around (0, 40) mm: rows 344..383, columns 236..275.
    var values: [Double] = []
    for row in 344..<384 {
      for column in 236..<276 { values.append(samples[row * 512 + column]) }
    }
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
    #expect((3...5).contains(variance.squareRoot()), "noise sigma \(variance.squareRoot()) HU")
  }

  @Test func geometryStepsAlongZ() throws {
    let slices = try GeneratedStudy.ct().map(\.file.dataSet)
    #expect(slices.count == 64)
    for (index, dataSet) in slices.enumerated() {
      #expect(dataSet.int(.instanceNumber) == index + 1)
      #expect(dataSet.doubles(.imageOrientationPatient) == [1, 0, 0, 0, 1, 0])
      #expect(dataSet.doubles(.pixelSpacing) == [0.45, 0.45])
      #expect(dataSet.double(.sliceThickness) == 2.5)
      #expect(dataSet.int(.rows) == 512 && dataSet.int(.columns) == 512)
      let position = dataSet.doubles(.imagePositionPatient)
      #expect(position.count == 3)
      #expect(position.prefix(2) == [-114.975, -114.975])
      #expect(dataSet.double(Tag(0x0020_1041)) == position.last)
    }
    let zs = slices.map { $0.doubles(.imagePositionPatient)[2] }
    for (lower, upper) in zip(zs, zs.dropFirst()) {
      #expect(abs(upper - lower - 2.5) < 1e-9)
    }
    #expect(zs.first == -78.75 && zs.last == 78.75)
  }

  @Test func windowsAndRescale() throws {
    let dataSet = try GeneratedStudy.ct()[0].file.dataSet
    #expect(dataSet.doubles(.windowCenter) == [40, 75, 400])
    #expect(dataSet.doubles(.windowWidth) == [80, 200, 1800])
    #expect(dataSet.strings(.windowCenterWidthExplanation) == ["BRAIN", "SUBDURAL", "BONE"])
    #expect(dataSet.double(.rescaleIntercept) == -1024)
    #expect(dataSet.double(.rescaleSlope) == 1)
    #expect(dataSet.string(.sopClassUID) == CTHeadSeries.sopClassUID)
    #expect(dataSet.string(.modality) == "CT")
    #expect(dataSet.strings(.imageType) == ["ORIGINAL", "PRIMARY", "AXIAL"])
    #expect(dataSet.int(.pixelRepresentation) == 1)
  }

  @Test func anatomyChangesAcrossSlices() throws {
    // The head's cross-section shrinks toward the ends: count non-air pixels.
    func bodyPixels(_ index: Int) throws -> Int {
      let file = try GeneratedStudy.ct()[index].file
      return try file.pixelFrame(0).doubleSamples().filter { $0 - 1024 > -500 }.count
    }
    let bottom = try bodyPixels(0)
    let middle = try bodyPixels(31)
    let top = try bodyPixels(63)
    #expect(bottom < middle && top < middle)
    #expect(bottom > 0 && top > 0)
  }
}
