import DICOM
import Foundation

/// A multi-frame Enhanced MR image of the phantom with T2-like contrast: one file, one frame per
/// axial slice, geometry in the shared and per-frame functional groups.
public struct EnhancedMRSeries: Sendable {
  public static let sopClassUID = "1.2.840.10008.5.1.4.1.1.4.1"

  public var frameCount = 24
  public var size = 256
  public var pixelSpacing = 0.9375
  public var sliceSpacing = 5.0
  /// Standard deviation of the added noise, in stored units.
  public var noiseSigma = 12.0
  public var seed: UInt64 = 20_260_102
  public var windowCenter = 1000.0
  public var windowWidth = 2000.0

  /// The sample image: 24 frames of 256x256, 5 mm apart.
  public init() {}

  var patient: SyntheticPatient {
    SyntheticPatient(
      name: "Phantom^MR", id: "PHANTOM-0002", studyDescription: "Synthetic MR head phantom",
      studyKey: "mr-head")
  }

  public var seriesInstanceUID: String { DeterministicUID.make("annotty-sample/mr-head/series") }
  public var sopInstanceUID: String { DeterministicUID.make("annotty-sample/mr-head/instance/1") }

  /// Patient z (mm) of frame `index`, inferior first, centred on the head.
  public func frameZ(_ index: Int) -> Double {
    (Double(index) - Double(frameCount - 1) / 2) * sliceSpacing
  }

  var grid: SliceGrid { SliceGrid.centred(size: size, spacing: pixelSpacing) }

  /// T2-weighted signal: fluid bright, white below gray matter, bone dark, acute blood dark.
  static func signal(_ tissue: Tissue) -> Int32 {
    switch tissue {
    case .air: 0
    case .scalp: 700
    case .bone: 60
    case .grayMatter: 900
    case .whiteMatter: 620
    case .csf: 1900
    case .hemorrhage: 300
    case .infarct: 1350
    }
  }

  /// The single multi-frame file.
  public func file(folder: String) throws -> (relativePath: String, bytes: Data) {
    let grid = self.grid
    let noise = GaussianNoise(sigma: noiseSigma, seed: seed)
    let lookup = Tissue.allCases.map(Self.signal)
    let frameBytes = size * size * 2
    var pixels: [UInt8] = []
    pixels.reserveCapacity(frameBytes * frameCount)
    var labels: [UInt8] = []
    var frame: [UInt8] = []
    for index in 0..<frameCount {
      HeadPhantom.paintSlice(z: frameZ(index), grid: grid, into: &labels)
      noise.render(
        labels: labels, lookup: lookup, range: 0...Int32(UInt16.max),
        stream: UInt32(truncatingIfNeeded: seed) &+ UInt32(index) &* 0x9E37_79B9, into: &frame)
      pixels += frame
    }

    var dataSet = WritableDataSet()
    patient.write(into: &dataSet)
    dataSet.set(.imageType, .CS, ["ORIGINAL", "PRIMARY", "M", "NONE"])
    dataSet.set(.acquisitionDateTime, .DT, SyntheticPatient.studyDate + SyntheticPatient.studyTime)
    dataSet.set(.modality, .CS, "MR")
    dataSet.set(.seriesDescription, .LO, "T2 axial multi-frame (synthetic)")
    dataSet.set(.pixelPresentation, .CS, "MONOCHROME")
    dataSet.set(.volumetricProperties, .CS, "VOLUME")
    dataSet.set(.volumeBasedCalculationTechnique, .CS, "NONE")
    dataSet.set(.complexImageComponent, .CS, "MAGNITUDE")
    dataSet.set(.acquisitionContrast, .CS, "T2")
    dataSet.set(.bodyPartExamined, .CS, "HEAD")
    dataSet.setDecimals(.magneticFieldStrength, [3])
    dataSet.set(.patientPosition, .CS, "HFS")
    dataSet.set(.contentQualification, .CS, "RESEARCH")
    dataSet.set(.seriesInstanceUID, .UI, seriesInstanceUID)
    dataSet.setIntegers(.seriesNumber, [1])
    dataSet.setIntegers(.instanceNumber, [1])
    dataSet.set(
      .frameOfReferenceUID, .UI, DeterministicUID.make("annotty-sample/mr-head/frame-of-reference"))
    dataSet.set(.positionReferenceIndicator, .LO, "")
    dataSet.setSequence(.dimensionOrganizationSequence, [dimensionOrganization()])
    dataSet.setSequence(.dimensionIndexSequence, dimensionIndices())
    dataSet.setUInt16(.samplesPerPixel, [1])
    dataSet.set(.photometricInterpretation, .CS, "MONOCHROME2")
    dataSet.setIntegers(.numberOfFrames, [frameCount])
    dataSet.setUInt16(.rows, [UInt16(size)])
    dataSet.setUInt16(.columns, [UInt16(size)])
    dataSet.setUInt16(.bitsAllocated, [16])
    dataSet.setUInt16(.bitsStored, [16])
    dataSet.setUInt16(.highBit, [15])
    dataSet.setUInt16(.pixelRepresentation, [0])
    dataSet.set(.burnedInAnnotation, .CS, "NO")
    dataSet.set(.lossyImageCompression, .CS, "00")
    dataSet.set(.presentationLUTShape, .CS, "IDENTITY")
    dataSet.setSequence(.sharedFunctionalGroupsSequence, [sharedFunctionalGroups()])
    dataSet.setSequence(
      .perFrameFunctionalGroupsSequence, (0..<frameCount).map(perFrameFunctionalGroups))
    dataSet.set(.pixelData, .OW, bytes: pixels)
    let bytes = try DICOMWriter.part10(
      dataSet, sopClassUID: Self.sopClassUID, sopInstanceUID: sopInstanceUID)
    return (relativePath: "\(folder)/IM0001.dcm", bytes: bytes)
  }

  private var dimensionOrganizationUID: String {
    DeterministicUID.make("annotty-sample/mr-head/dimension-organization")
  }

  private func dimensionOrganization() -> WritableDataSet {
    var item = WritableDataSet()
    item.set(.dimensionOrganizationUID, .UI, dimensionOrganizationUID)
    return item
  }

  /// Frames are indexed by stack, then position in the stack.
  private func dimensionIndices() -> [WritableDataSet] {
    [Tag.stackID, .inStackPositionNumber].map { pointer in
      var item = WritableDataSet()
      item.set(.dimensionOrganizationUID, .UI, dimensionOrganizationUID)
      item.setTags(.dimensionIndexPointer, [pointer])
      item.setTags(.functionalGroupPointer, [.frameContentSequence])
      return item
    }
  }

  private func sharedFunctionalGroups() -> WritableDataSet {
    var measures = WritableDataSet()
    measures.setDecimals(.pixelSpacing, [pixelSpacing, pixelSpacing])
    measures.setDecimals(.sliceThickness, [sliceSpacing])
    measures.setDecimals(.spacingBetweenSlices, [sliceSpacing])
    var orientation = WritableDataSet()
    orientation.setDecimals(.imageOrientationPatient, [1, 0, 0, 0, 1, 0])
    var window = WritableDataSet()
    window.setDecimals(.windowCenter, [windowCenter])
    window.setDecimals(.windowWidth, [windowWidth])
    window.set(.windowCenterWidthExplanation, .LO, "T2")
    var frameType = WritableDataSet()
    frameType.set(.frameType, .CS, ["ORIGINAL", "PRIMARY", "M", "NONE"])
    frameType.set(.pixelPresentation, .CS, "MONOCHROME")
    frameType.set(.volumetricProperties, .CS, "VOLUME")
    frameType.set(.volumeBasedCalculationTechnique, .CS, "NONE")
    frameType.set(.complexImageComponent, .CS, "MAGNITUDE")
    frameType.set(.acquisitionContrast, .CS, "T2")

    var groups = WritableDataSet()
    groups.setSequence(.pixelMeasuresSequence, [measures])
    groups.setSequence(.planeOrientationSequence, [orientation])
    groups.setSequence(.frameVOILUTSequence, [window])
    groups.setSequence(.mrImageFrameTypeSequence, [frameType])
    return groups
  }

  private func perFrameFunctionalGroups(_ index: Int) -> WritableDataSet {
    var content = WritableDataSet()
    content.set(.stackID, .SH, "1")
    content.setUInt32(.inStackPositionNumber, [UInt32(index + 1)])
    content.setUInt32(.dimensionIndexValues, [1, UInt32(index + 1)])
    var position = WritableDataSet()
    position.setDecimals(.imagePositionPatient, [grid.originX, grid.originY, frameZ(index)])

    var groups = WritableDataSet()
    groups.setSequence(.frameContentSequence, [content])
    groups.setSequence(.planePositionSequence, [position])
    return groups
  }
}
