/// The attributes that put frames of one series into different stacks (dicom.md §10.2).
public struct StackSplitKey: Sendable, Hashable {
  /// SOP Instance UID (or file reference) of a multi-frame object: each is its own stack.
  public var multiFrameInstance: String?
  /// Frame Content Stack ID (0020,9056) of Enhanced objects.
  public var stackID: String?
  public var isLocalizer: Bool
  public var rows: Int?
  public var columns: Int?
  public var samplesPerPixel: Int?
  public var photometricInterpretation: String?
  /// The orientation shared (within tolerance) by the stack; the first one seen.
  public var orientation: ImageOrientation?
  /// Set only when acquisitions of the series change geometry (overlap or re-measure).
  public var acquisitionNumber: Int?
  public var echoNumber: Int?
  /// Temporal Position Identifier, or Temporal Position Index of Enhanced frames.
  public var temporalPosition: Int?
  public var diffusionBValue: Double?

  public init(
    multiFrameInstance: String? = nil, stackID: String? = nil, isLocalizer: Bool = false,
    rows: Int? = nil, columns: Int? = nil, samplesPerPixel: Int? = nil,
    photometricInterpretation: String? = nil, orientation: ImageOrientation? = nil,
    acquisitionNumber: Int? = nil, echoNumber: Int? = nil, temporalPosition: Int? = nil,
    diffusionBValue: Double? = nil
  ) {
    self.multiFrameInstance = multiFrameInstance
    self.stackID = stackID
    self.isLocalizer = isLocalizer
    self.rows = rows
    self.columns = columns
    self.samplesPerPixel = samplesPerPixel
    self.photometricInterpretation = photometricInterpretation
    self.orientation = orientation
    self.acquisitionNumber = acquisitionNumber
    self.echoNumber = echoNumber
    self.temporalPosition = temporalPosition
    self.diffusionBValue = diffusionBValue
  }

  /// One attribute of the key: a stable form for identifiers and a form for people.
  struct Component {
    var name: String
    var canonical: String
    /// Nil when the value needs no mention (not a localizer).
    var label: String?
  }

  var components: [Component] {
    func text<Value>(_ value: Value?) -> String { value.map { "\($0)" } ?? "none" }
    return [
      Component(
        name: "sop", canonical: text(multiFrameInstance),
        label: multiFrameInstance.map { _ in "multi-frame" }),
      Component(name: "stack", canonical: text(stackID), label: stackID.map { "stack \($0)" }),
      Component(
        name: "localizer", canonical: isLocalizer ? "1" : "0",
        label: isLocalizer ? "localizer" : nil),
      Component(
        name: "size", canonical: "\(text(columns))x\(text(rows))",
        label: "\(text(columns))x\(text(rows))"),
      Component(
        name: "color", canonical: "\(text(samplesPerPixel)):\(text(photometricInterpretation))",
        label: photometricInterpretation),
      Component(
        name: "iop", canonical: text(orientation), label: orientation?.planeName ?? "no orientation"
      ),
      Component(
        name: "acq", canonical: text(acquisitionNumber),
        label: acquisitionNumber.map { "acquisition \($0)" }),
      Component(name: "echo", canonical: text(echoNumber), label: echoNumber.map { "echo \($0)" }),
      Component(
        name: "time", canonical: text(temporalPosition),
        label: temporalPosition.map { "time \($0)" }),
      Component(
        name: "b", canonical: diffusionBValue.map(formatNumber) ?? "none",
        label: diffusionBValue.map { "b=\(formatNumber($0))" }),
    ]
  }
}
