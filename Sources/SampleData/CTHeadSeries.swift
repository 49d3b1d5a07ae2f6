import DICOM
import Foundation

/// A CT head series of the phantom: axial slices in Hounsfield units with brain, subdural and
/// bone windows, stored as signed 16-bit values with Rescale Intercept -1024.
public struct CTHeadSeries: Sendable {
  public static let sopClassUID = "1.2.840.10008.5.1.4.1.1.2"
  public static let rescaleIntercept = -1024

  public var sliceCount = 64
  public var size = 512
  public var pixelSpacing = 0.45
  public var sliceSpacing = 2.5
  /// Standard deviation of the added noise, in HU.
  public var noiseSigma = 4.0
  public var seed: UInt64 = 20_260_101

  /// The sample series: 64 slices of 512x512, 2.5 mm apart.
  public init() {}

  var patient: SyntheticPatient {
    SyntheticPatient(
      name: "Phantom^Head", id: "PHANTOM-0001", studyDescription: "Synthetic CT head phantom",
      studyKey: "ct-head")
  }

  public var seriesInstanceUID: String { DeterministicUID.make("annotty-sample/ct-head/series") }

  /// The SOP Instance UID of slice `slice` (0-based), the same on every run.
  public func sopInstanceUID(slice: Int) -> String {
    DeterministicUID.make("annotty-sample/ct-head/instance/\(slice + 1)")
  }

  /// Patient z (mm) of slice `index`, inferior first, centred on the head.
  public func sliceZ(_ index: Int) -> Double {
    (Double(index) - Double(sliceCount - 1) / 2) * sliceSpacing
  }

  var grid: SliceGrid { SliceGrid.centred(size: size, spacing: pixelSpacing) }

  /// Hounsfield units of each tissue: CSF below brain, a faint infarct, a bright acute bleed.
  static func hounsfieldUnits(_ tissue: Tissue) -> Int32 {
    switch tissue {
    case .air: -1000
    case .scalp: 40
    case .bone: 1000
    case .grayMatter: 38
    case .whiteMatter: 28
    case .csf: 5
    case .hemorrhage: 70
    case .infarct: 18
    }
  }

  /// One Part 10 file per slice, with relative paths under `folder`.
  public func files(folder: String) throws -> [(relativePath: String, bytes: Data)] {
    let base = baseDataSet()
    let grid = self.grid
    let noise = GaussianNoise(sigma: noiseSigma, seed: seed)
    // Stored value = HU - intercept, so the lookup already holds stored values.
    let lookup = Tissue.allCases.map { Self.hounsfieldUnits($0) - Int32(Self.rescaleIntercept) }
    var labels: [UInt8] = []
    var pixels: [UInt8] = []
    var files: [(relativePath: String, bytes: Data)] = []
    files.reserveCapacity(sliceCount)
    for index in 0..<sliceCount {
      let z = sliceZ(index)
      HeadPhantom.paintSlice(z: z, grid: grid, into: &labels)
      noise.render(
        labels: labels, lookup: lookup, range: Int32(Int16.min)...Int32(Int16.max),
        stream: UInt32(truncatingIfNeeded: seed) &+ UInt32(index) &* 0x9E37_79B9, into: &pixels)
      var dataSet = base
      dataSet.setIntegers(.instanceNumber, [index + 1])
      dataSet.setDecimals(.imagePositionPatient, [grid.originX, grid.originY, z])
      dataSet.setDecimals(.sliceLocation, [z])
      dataSet.set(.pixelData, .OW, bytes: pixels)
      let bytes = try DICOMWriter.part10(
        dataSet, sopClassUID: Self.sopClassUID, sopInstanceUID: sopInstanceUID(slice: index))
      files.append((relativePath: "\(folder)/IM\(fourDigits(index + 1)).dcm", bytes: bytes))
    }
    return files
  }

  /// Everything that is the same on every slice.
  private func baseDataSet() -> WritableDataSet {
    var dataSet = WritableDataSet()
    patient.write(into: &dataSet)
    dataSet.set(.imageType, .CS, ["ORIGINAL", "PRIMARY", "AXIAL"])
    dataSet.set(.modality, .CS, "CT")
    dataSet.set(.seriesDescription, .LO, "CT head 2.5 mm (synthetic)")
    dataSet.set(.bodyPartExamined, .CS, "HEAD")
    dataSet.setDecimals(.sliceThickness, [sliceSpacing])
    dataSet.setDecimals(.kvp, [120])
    dataSet.setIntegers(.xRayTubeCurrent, [200])
    dataSet.set(.convolutionKernel, .SH, "STANDARD")
    dataSet.set(.patientPosition, .CS, "HFS")
    dataSet.set(.seriesInstanceUID, .UI, seriesInstanceUID)
    dataSet.setIntegers(.seriesNumber, [1])
    dataSet.setIntegers(.acquisitionNumber, [1])
    dataSet.setDecimals(.imageOrientationPatient, [1, 0, 0, 0, 1, 0])
    dataSet.set(
      .frameOfReferenceUID, .UI, DeterministicUID.make("annotty-sample/ct-head/frame-of-reference"))
    dataSet.set(.positionReferenceIndicator, .LO, "")
    dataSet.setUInt16(.samplesPerPixel, [1])
    dataSet.set(.photometricInterpretation, .CS, "MONOCHROME2")
    dataSet.setUInt16(.rows, [UInt16(size)])
    dataSet.setUInt16(.columns, [UInt16(size)])
    dataSet.setDecimals(.pixelSpacing, [pixelSpacing, pixelSpacing])
    dataSet.setUInt16(.bitsAllocated, [16])
    dataSet.setUInt16(.bitsStored, [16])
    dataSet.setUInt16(.highBit, [15])
    dataSet.setUInt16(.pixelRepresentation, [1])
    dataSet.set(.burnedInAnnotation, .CS, "NO")
    dataSet.setDecimals(.windowCenter, [40, 75, 400])
    dataSet.setDecimals(.windowWidth, [80, 200, 1800])
    dataSet.set(.windowCenterWidthExplanation, .LO, ["BRAIN", "SUBDURAL", "BONE"])
    dataSet.setDecimals(.rescaleIntercept, [Double(Self.rescaleIntercept)])
    dataSet.setDecimals(.rescaleSlope, [1])
    dataSet.set(.rescaleType, .LO, "HU")
    dataSet.set(.lossyImageCompression, .CS, "00")
    return dataSet
  }
}

func fourDigits(_ value: Int) -> String {
  let digits = String(value)
  return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
