import Annotations
import TUIKit

/// Everything `annotty open` shows and remembers between key presses; a plain value.
public struct AppState: Sendable, Equatable {
  // Configuration.
  public var study: StudyInfo
  public var schema: LabelSchema
  /// The bindings the help overlay lists.
  public var keymap: Keymap
  /// Written into new annotations.
  public var author: String

  // Position.
  public var stackIndex: Int = 0
  public var frameIndex: Int = 0
  /// The last frame shown of each stack, by stack id, so returning to a series keeps its place.
  public var rememberedFrames: [String: Int] = [:]

  // Viewing.
  public var window = WindowState()
  /// 1 fits the image to the viewport; larger values magnify.
  public var zoom: Double = 1
  /// Image pixels the view center is moved from the image center.
  public var pan = PixelPoint(x: 0, y: 0)
  /// The terminal size in cells.
  public var screenSize = ScreenSize(columns: 80, rows: 24)
  /// The step the W/L mode's arrows change width and level by.
  public var windowStep: WindowStep = .medium

  // Cine.
  /// Frames per second while cine plays, 1...30.
  public var cineFramesPerSecond: Int = 8
  /// Whether cine is playing; the shell reads `cineInterval` instead.
  public var isCinePlaying = false

  // Measured value under the crosshair.
  /// The point the last `sampleValue` effect asked about.
  public var sampledPoint: SamplePoint?
  /// The shell's answer for `sampledPoint`; nil until it comes, or outside the image.
  public var sampledValue: SampledValue?

  // Drawing.
  public var tool: DrawingTool = .none
  public var crosshair = PixelPoint(x: 0, y: 0)
  /// Corners or vertices placed so far for the shape being drawn.
  public var draft: [PixelPoint] = []

  // Annotations on the current image (and its series and study classifications).
  public var annotations: [Annotation] = []
  public var selectedID: String?
  /// The label new shapes get; a label name from the schema.
  public var currentLabel: String?
  public var classification: PendingClassification?
  /// The handle edit mode moves: see `EditHandle`.
  public var editHandle: Int = 0
  /// The attribute form over the panel, while open.
  public var attributeForm: AttributeForm?
  /// Rapid classification in progress.
  public var rapid: RapidSession?

  // Interaction.
  public var mode: AppMode = .normal
  /// The mode help was opened from; its bindings are listed.
  public var helpMode: AppMode = .normal
  public var helpPage: Int = 0
  public var commandLine: CommandLineText?
  public var statusMessage: String = ""
  public var syncStatus: String = ""
  /// Sync conflicts waiting for the user (keep mine / take theirs / keep both).
  public var conflicts: [ConflictSummary] = []
  public var idSource: AnnotationIDSource
  public var isQuitting = false

  public init(
    study: StudyInfo, schema: LabelSchema, keymap: Keymap, author: String, idSeed: UInt64
  ) {
    self.study = study
    self.schema = schema
    self.keymap = keymap
    self.author = author
    self.idSource = AnnotationIDSource(seed: idSeed)
    self.currentLabel = schema.labels.first?.name
    if let stack = study.stacks.first { crosshair = Self.center(of: stack) }
  }

  /// The stack shown, nil for a study without stacks.
  public var currentStack: StackInfo? {
    study.stacks.indices.contains(stackIndex) ? study.stacks[stackIndex] : nil
  }

  /// The frame shown, as DICOM names it.
  public var currentImage: ImageReference? {
    guard let stack = currentStack, stack.frames.indices.contains(frameIndex) else { return nil }
    return stack.frames[frameIndex]
  }

  /// Boxes and polygons on the current image, in the order the side panel lists them.
  public var shapesOnImage: [Annotation] {
    guard let image = currentImage else { return [] }
    return annotations.filter { $0.target == .image(image) && $0.kind != .classification }
  }

  /// The selected annotation, if it is still there.
  public var selected: Annotation? {
    annotations.first { $0.id == selectedID }
  }

  static func center(of stack: StackInfo) -> PixelPoint {
    PixelPoint(x: max(0, stack.size.columns / 2), y: max(0, stack.size.rows / 2))
  }
}

/// A terminal size in cells.
public struct ScreenSize: Sendable, Hashable {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
  }
}
