import DICOM
import Foundation
import Testing

@Suite struct StackSplittingTests {
  /// Three single-image scouts (sagittal, coronal, axial) and an axial volume in one series.
  static func localizerAndAxial() -> [InstanceSummary] {
    let scouts = [Synthetic.sagittal, Synthetic.coronal, Synthetic.axial].enumerated().map {
      index, orientation in
      var scout = Synthetic.slice(index + 1, z: 0, orientation: orientation)
      scout.imageType = ["ORIGINAL", "PRIMARY", "LOCALIZER"]
      scout.rows = 256
      scout.columns = 256
      return scout
    }
    let axial = (0..<8).map { Synthetic.slice($0 + 4, z: Double($0) * 2.5) }
    return axial + scouts
  }

  @Test func localizerAndAxialAreSplit() {
    let stacks = SeriesAssembler.assemble(Self.localizerAndAxial())
    #expect(stacks.count == 4)
    let localizers = stacks.filter(\.splitKey.isLocalizer)
    #expect(localizers.count == 3)
    #expect(localizers.allSatisfy { $0.frames.count == 1 && $0.label.hasPrefix("localizer") })
    #expect(
      Set(localizers.compactMap { $0.orientation?.planeName }) == ["sagittal", "coronal", "axial"])
    #expect(localizers.allSatisfy { $0.warnings == [.tooFewFrames(count: 1)] })

    let volume = stacks.last!
    #expect(!volume.splitKey.isLocalizer)
    #expect(volume.frames.count == 8)
    #expect(volume.label.contains("axial"))
    #expect(volume.warnings.isEmpty)
    #expect(volume.id.hasPrefix(Synthetic.seriesUID + "/"))
    #expect(Set(stacks.map(\.id)).count == 4)
  }

  @Test func twoOrientationsWithoutLocalizerTypeAreSplitByOrientation() {
    let axial = Synthetic.axialStack(count: 5)
    let coronal = (0..<4).map { index in
      var slice = Synthetic.slice(index + 6, z: 0, orientation: Synthetic.coronal)
      slice.imagePosition = PatientVector(-100, Double(index) * 3, 50)
      return slice
    }
    let stacks = SeriesAssembler.assemble(shuffled(axial + coronal, seed: 4))
    #expect(stacks.count == 2)
    #expect(stacks.map(\.label) == ["axial", "coronal"])
    #expect(stacks.map(\.frames.count) == [5, 4])
    // Coronal normal = (1,0,0) × (0,0,-1) = (0,1,0): sorted along y.
    #expect(stacks[1].distances == [0, 3, 6, 9])
    #expect(stacks.allSatisfy { $0.warnings.isEmpty })
    #expect(stacks[0].id == Synthetic.seriesUID + "/iop=1\\0\\0\\0\\1\\0")
  }

  @Test func echoesAreSplitAndLabelled() {
    let slices = (0..<6).flatMap { index in
      [1, 2].map { echo in
        var slice = Synthetic.slice(index * 2 + echo, z: Double(index) * 4)
        slice.echoNumbers = [echo]
        return slice
      }
    }
    let stacks = SeriesAssembler.assemble(shuffled(slices, seed: 5))
    #expect(stacks.map(\.label) == ["echo 1", "echo 2"])
    #expect(stacks.map(\.id) == [Synthetic.seriesUID + "/echo=1", Synthetic.seriesUID + "/echo=2"])
    #expect(stacks.allSatisfy { $0.frames.count == 6 && $0.warnings.isEmpty })
    #expect(stacks[1].instanceNumbers == [2, 4, 6, 8, 10, 12])
  }

  @Test func temporalPositionsAreSplit() {
    let slices = (1...3).flatMap { time in
      (0..<4).map { index in
        var slice = Synthetic.slice(time * 10 + index, z: Double(index) * 5)
        slice.temporalPositionIdentifier = time
        return slice
      }
    }
    let stacks = SeriesAssembler.assemble(slices)
    #expect(stacks.map(\.label) == ["time 1", "time 2", "time 3"])
    #expect(stacks.allSatisfy { $0.frames.count == 4 && $0.warnings.isEmpty })
  }

  @Test func differentImageSizesAreSplit() {
    var slices = Synthetic.axialStack(count: 4)
    slices[3].rows = 128
    slices[3].columns = 128
    let stacks = SeriesAssembler.assemble(slices)
    #expect(stacks.map(\.label) == ["64x64", "128x128"])
  }

  @Test func repeatedAcquisitionOverTheSamePositionsIsSplit() {
    let slices = [1, 2].flatMap { acquisition in
      (0..<5).map { index in
        var slice = Synthetic.slice(acquisition * 100 + index, z: Double(index) * 2)
        slice.acquisitionNumber = acquisition
        return slice
      }
    }
    let stacks = SeriesAssembler.assemble(slices)
    #expect(stacks.map(\.label) == ["acquisition 1", "acquisition 2"])
    #expect(stacks.allSatisfy { $0.warnings.isEmpty })
  }

  @Test func oneAcquisitionPerSliceStaysOneVolume() {
    // Sequential CT numbers each slice as its own acquisition: geometry does not change.
    let slices = (0..<6).map { index in
      var slice = Synthetic.slice(index + 1, z: Double(index) * 5)
      slice.acquisitionNumber = index + 1
      return slice
    }
    let stacks = SeriesAssembler.assemble(slices)
    #expect(stacks.count == 1)
    #expect(stacks[0].splitKey.acquisitionNumber == nil)
    #expect(stacks[0].warnings.isEmpty)
  }

  @Test func acquisitionsWithDifferentPixelSpacingAreSplit() {
    let slices = (0..<6).map { index in
      var slice = Synthetic.slice(index + 1, z: Double(index) * 5)
      slice.acquisitionNumber = index < 3 ? 1 : 2
      slice.pixelSpacing = index < 3 ? [0.5, 0.5] : [0.7, 0.7]
      return slice
    }
    #expect(SeriesAssembler.assemble(slices).count == 2)
  }

  @Test func tinyOrientationJitterStaysInOneStackWithAWarning() {
    // 0.2° about z: cosines differ by 0.0035, inside the 0.01 split tolerance.
    let angle = 0.2 * Double.pi / 180
    var slices = Synthetic.axialStack(count: 5)
    slices[2].imageOrientation = ImageOrientation(
      row: PatientVector(cos(angle), sin(angle), 0),
      column: PatientVector(-sin(angle), cos(angle), 0))
    let stacks = SeriesAssembler.assemble(slices)
    #expect(stacks.count == 1)
    guard case .inconsistentOrientation(let orientation) = stacks[0].warnings.first else {
      Issue.record("expected an orientation warning, got \(stacks[0].warnings)")
      return
    }
    #expect(orientation.framesDiffering == 1)
    #expect(isClose(orientation.maximumDegrees, 0.2, within: 1e-6))
  }
}
