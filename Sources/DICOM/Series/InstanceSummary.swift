/// What series assembly needs from one instance: identity, grouping attributes and geometry.
///
/// Built from headers only, so a whole folder can be indexed without reading pixel data.
public struct InstanceSummary: Sendable, Equatable {
  /// Opaque to assembly: the caller's handle for the file (a path, a database key).
  public var fileReference: String
  public var sopClassUID: String?
  public var sopInstanceUID: String?
  public var studyInstanceUID: String?
  public var seriesInstanceUID: String?
  public var patientID: String?
  public var patientName: String?
  public var modality: String?
  public var seriesNumber: Int?
  public var seriesDescription: String?
  public var instanceNumber: Int?
  public var rows: Int?
  public var columns: Int?
  public var samplesPerPixel: Int?
  public var photometricInterpretation: String?
  /// Number of Frames (0028,0008); 1 when absent, as PS3.3 implies for single-frame objects.
  public var numberOfFrames: Int
  public var imageOrientation: ImageOrientation?
  public var imagePosition: PatientVector?
  /// Pixel Spacing (0028,0030): row spacing (between rows), then column spacing, in mm.
  public var pixelSpacing: [Double]
  public var sliceThickness: Double?
  public var imageType: [String]
  public var acquisitionNumber: Int?
  public var echoNumbers: [Int]
  public var temporalPositionIdentifier: Int?
  public var triggerTime: Double?
  public var diffusionBValue: Double?
  /// Gantry/Detector Tilt (0018,1120) in degrees, to cross-check the tilt measured from positions.
  public var gantryDetectorTilt: Double?
  /// Grid Frame Offset Vector (3004,000C): per-frame offsets along the normal (RT Dose).
  public var gridFrameOffsets: [Double]
  /// Per-frame geometry of Enhanced objects (PS3.3 C.7.6.16), one entry per frame in order;
  /// empty for objects without functional groups.
  public var frames: [FrameGeometry]
  /// False for objects without Rows/Columns or without pixel data (SR, RT Plan, presentation
  /// states): they are indexed but never stacked.
  public var isImage: Bool

  public init(
    fileReference: String, sopClassUID: String? = nil, sopInstanceUID: String? = nil,
    studyInstanceUID: String? = nil, seriesInstanceUID: String? = nil, patientID: String? = nil,
    patientName: String? = nil, modality: String? = nil, seriesNumber: Int? = nil,
    seriesDescription: String? = nil, instanceNumber: Int? = nil, rows: Int? = nil,
    columns: Int? = nil, samplesPerPixel: Int? = nil, photometricInterpretation: String? = nil,
    numberOfFrames: Int = 1, imageOrientation: ImageOrientation? = nil,
    imagePosition: PatientVector? = nil, pixelSpacing: [Double] = [], sliceThickness: Double? = nil,
    imageType: [String] = [], acquisitionNumber: Int? = nil, echoNumbers: [Int] = [],
    temporalPositionIdentifier: Int? = nil, triggerTime: Double? = nil,
    diffusionBValue: Double? = nil, gantryDetectorTilt: Double? = nil,
    gridFrameOffsets: [Double] = [], frames: [FrameGeometry] = [], isImage: Bool = true
  ) {
    self.fileReference = fileReference
    self.sopClassUID = sopClassUID
    self.sopInstanceUID = sopInstanceUID
    self.studyInstanceUID = studyInstanceUID
    self.seriesInstanceUID = seriesInstanceUID
    self.patientID = patientID
    self.patientName = patientName
    self.modality = modality
    self.seriesNumber = seriesNumber
    self.seriesDescription = seriesDescription
    self.instanceNumber = instanceNumber
    self.rows = rows
    self.columns = columns
    self.samplesPerPixel = samplesPerPixel
    self.photometricInterpretation = photometricInterpretation
    self.numberOfFrames = numberOfFrames
    self.imageOrientation = imageOrientation
    self.imagePosition = imagePosition
    self.pixelSpacing = pixelSpacing
    self.sliceThickness = sliceThickness
    self.imageType = imageType
    self.acquisitionNumber = acquisitionNumber
    self.echoNumbers = echoNumbers
    self.temporalPositionIdentifier = temporalPositionIdentifier
    self.triggerTime = triggerTime
    self.diffusionBValue = diffusionBValue
    self.gantryDetectorTilt = gantryDetectorTilt
    self.gridFrameOffsets = gridFrameOffsets
    self.frames = frames
    self.isImage = isImage
  }

  /// Image Type (0008,0008) names a scout: LOCALIZER is the standard value (PS3.3 C.8.16.1).
  public var isLocalizer: Bool {
    imageType.contains { $0.uppercased() == "LOCALIZER" }
  }

  /// Enhanced objects carry their geometry per frame in functional groups.
  public var hasPerFrameGeometry: Bool { !frames.isEmpty }
}

/// The geometry and stack placement of one frame of an Enhanced multi-frame object.
public struct FrameGeometry: Sendable, Equatable {
  /// Plane Position Sequence (0020,9113) > Image Position (Patient).
  public var position: PatientVector?
  /// Plane Orientation Sequence (0020,9116) > Image Orientation (Patient).
  public var orientation: ImageOrientation?
  /// Frame Content Sequence (0020,9111) > Stack ID (0020,9056).
  public var stackID: String?
  /// Frame Content Sequence > In-Stack Position Number (0020,9057), 1-based.
  public var inStackPositionNumber: Int?
  /// Frame Content Sequence > Temporal Position Index (0020,9128), 1-based.
  public var temporalPositionIndex: Int?
  /// Frame Content Sequence > Dimension Index Values (0020,9157).
  public var dimensionIndexValues: [Int]

  public init(
    position: PatientVector? = nil, orientation: ImageOrientation? = nil, stackID: String? = nil,
    inStackPositionNumber: Int? = nil, temporalPositionIndex: Int? = nil,
    dimensionIndexValues: [Int] = []
  ) {
    self.position = position
    self.orientation = orientation
    self.stackID = stackID
    self.inStackPositionNumber = inStackPositionNumber
    self.temporalPositionIndex = temporalPositionIndex
    self.dimensionIndexValues = dimensionIndexValues
  }
}
