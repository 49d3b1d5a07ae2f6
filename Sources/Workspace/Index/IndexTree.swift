/// The patient / study / series / stack tree `annotty ls` prints.
public struct PatientNode: Sendable, Hashable {
  /// Patient ID (0010,0020); empty when the files carry none.
  public var patientID: String
  public var patientName: String?
  public var studies: [StudyNode]
}

/// One study with its series.
public struct StudyNode: Sendable, Hashable {
  public var studyInstanceUID: String
  public var studyDate: String?
  public var studyDescription: String?
  public var series: [SeriesNode]
}

/// One DICOM series with counts and its assembled stacks.
public struct SeriesNode: Sendable, Hashable {
  public var seriesInstanceUID: String
  public var modality: String?
  public var seriesNumber: Int?
  public var seriesDescription: String?
  /// Indexed files in the series (images or not).
  public var instanceCount: Int
  /// Frames of those files (a multi-frame file counts each frame).
  public var frameCount: Int
  /// Annotations (not deleted) whose target is in this series.
  public var annotationCount: Int
  /// Files whose pixels may carry burned-in text (see `BurnedInRisk`).
  public var burnedInRiskCount: Int = 0
  /// In assembly order; empty until `replaceStacks` ran for the series.
  public var stacks: [StackNode]

  /// Every warning of every stack of the series.
  public var warnings: [StoredWarning] { stacks.flatMap(\.warnings) }
}

/// One displayable stack.
public struct StackNode: Sendable, Hashable {
  /// `AssembledSeries.id`.
  public var key: String
  /// Empty when the series is one stack.
  public var label: String
  public var frameCount: Int
  public var rows: Int?
  public var columns: Int?
  public var sliceSpacing: Double?
  public var warnings: [StoredWarning]
}

/// One frame of a stack, in display order: where to read it.
public struct StackFrameLocation: Sendable, Hashable {
  /// 1-based place in the stack.
  public var positionIndex: Int
  public var path: String
  public var sopInstanceUID: String?
  /// 1-based frame number in the file.
  public var frameNumber: Int
  /// Why the file's pixels may carry burned-in text; nil when nothing suggests it.
  public var burnedInRisk: String? = nil
}
