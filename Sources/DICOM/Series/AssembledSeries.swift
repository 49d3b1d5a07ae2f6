/// One displayable stack: a series, or the part of it that shares geometry, echo and time.
public struct AssembledSeries: Sendable, Equatable, Identifiable {
  /// The Series Instance UID, plus the split key when the series holds several stacks.
  public var id: String
  public var studyInstanceUID: String?
  public var seriesInstanceUID: String?
  public var seriesNumber: Int?
  public var seriesDescription: String?
  public var modality: String?
  public var patientID: String?
  public var patientName: String?
  /// What tells this stack apart from the series' other stacks ("echo 2", "localizer, sagittal");
  /// empty when the series is one stack.
  public var label: String
  public var splitKey: StackSplitKey
  public var rows: Int?
  public var columns: Int?
  public var pixelSpacing: [Double]
  /// The orientation the frames were sorted by (the median frame's).
  public var orientation: ImageOrientation?
  public var ordering: StackOrdering
  /// Frames in display order: ascending along the slice normal, or by Instance Number.
  public var frames: [StackFrame]
  /// Median step between distinct positions along the normal (mm), when known.
  public var sliceSpacing: Double?
  public var warnings: [StackWarning]

  public init(
    id: String, studyInstanceUID: String?, seriesInstanceUID: String?, seriesNumber: Int?,
    seriesDescription: String?, modality: String?, patientID: String?, patientName: String?,
    label: String, splitKey: StackSplitKey, rows: Int?, columns: Int?, pixelSpacing: [Double],
    orientation: ImageOrientation?, ordering: StackOrdering, frames: [StackFrame],
    sliceSpacing: Double?, warnings: [StackWarning]
  ) {
    self.id = id
    self.studyInstanceUID = studyInstanceUID
    self.seriesInstanceUID = seriesInstanceUID
    self.seriesNumber = seriesNumber
    self.seriesDescription = seriesDescription
    self.modality = modality
    self.patientID = patientID
    self.patientName = patientName
    self.label = label
    self.splitKey = splitKey
    self.rows = rows
    self.columns = columns
    self.pixelSpacing = pixelSpacing
    self.orientation = orientation
    self.ordering = ordering
    self.frames = frames
    self.sliceSpacing = sliceSpacing
    self.warnings = warnings
  }
}

/// How a stack's frames were put in order.
public enum StackOrdering: String, Sendable, Equatable {
  /// By Image Position (Patient) projected on the slice normal, Instance Number breaking ties.
  case slicePosition
  /// By Instance Number (then frame number): positions or orientation missing.
  case instanceNumber
}

/// One frame of a stack: which file, which frame in it, and where it is.
public struct StackFrame: Sendable, Equatable {
  public var fileReference: String
  public var sopInstanceUID: String?
  /// 1-based frame number within the file, as DICOM numbers frames.
  public var frameNumber: Int
  public var instanceNumber: Int?
  public var position: PatientVector?
  /// Position along the stack's slice normal (mm), when sorted by position.
  public var distance: Double?

  public init(
    fileReference: String, sopInstanceUID: String?, frameNumber: Int, instanceNumber: Int?,
    position: PatientVector?, distance: Double?
  ) {
    self.fileReference = fileReference
    self.sopInstanceUID = sopInstanceUID
    self.frameNumber = frameNumber
    self.instanceNumber = instanceNumber
    self.position = position
    self.distance = distance
  }
}
