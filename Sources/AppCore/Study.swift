import Annotations

/// The study being viewed, as the shell found it in the workspace: plain values, no files.
public struct StudyInfo: Sendable, Equatable {
  public var studyInstanceUID: String
  /// The Study Description; never the patient's name or ID.
  public var description: String
  public var stacks: [StackInfo]

  public init(studyInstanceUID: String, description: String, stacks: [StackInfo]) {
    self.studyInstanceUID = studyInstanceUID
    self.description = description
    self.stacks = stacks
  }
}

/// One stack of frames shown together: a series of single-frame images or a multi-frame object.
public struct StackInfo: Sendable, Equatable {
  /// The shell's identifier for the stack (a series UID, or series UID plus instance).
  public var id: String
  public var description: String
  /// The Study Description of the stack's study, for a workspace that holds several studies.
  public var studyDescription: String?
  /// Why some of the stack's pixels may carry burned-in text (ultrasound, secondary capture,
  /// Burned In Annotation YES); nil when nothing suggests it.
  public var burnedInRisk: String?
  /// Image size in pixels, so the crosshair can be kept inside the image before decoding.
  public var size: ImageSize
  /// Pixel spacing in mm (row spacing, column spacing), when the file gives one.
  public var pixelSpacing: (rows: Double, columns: Double)?
  /// What each frame is in DICOM terms, in display order; annotations target these.
  public var frames: [ImageReference]
  /// Slice position in mm along the stack's normal, per frame; nil where unknown.
  public var slicePositions: [Double?]

  public init(
    id: String, description: String, studyDescription: String? = nil, size: ImageSize,
    pixelSpacing: (rows: Double, columns: Double)? = nil, frames: [ImageReference],
    slicePositions: [Double?] = []
  ) {
    self.id = id
    self.description = description
    self.studyDescription = studyDescription
    self.burnedInRisk = nil
    self.size = size
    self.pixelSpacing = pixelSpacing
    self.frames = frames
    self.slicePositions = slicePositions
  }

  public var frameCount: Int { frames.count }

  /// The slice position of `frame`, nil when unknown or out of range.
  public func slicePosition(of frame: Int) -> Double? {
    slicePositions.indices.contains(frame) ? slicePositions[frame] : nil
  }

  public static func == (lhs: StackInfo, rhs: StackInfo) -> Bool {
    lhs.id == rhs.id && lhs.description == rhs.description
      && lhs.studyDescription == rhs.studyDescription && lhs.burnedInRisk == rhs.burnedInRisk
      && lhs.size == rhs.size
      && lhs.pixelSpacing?.rows == rhs.pixelSpacing?.rows
      && lhs.pixelSpacing?.columns == rhs.pixelSpacing?.columns && lhs.frames == rhs.frames
      && lhs.slicePositions == rhs.slicePositions
  }
}
