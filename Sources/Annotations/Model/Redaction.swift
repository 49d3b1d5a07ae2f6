/// Redaction boxes: boxes with this reserved label mark burned-in text that de-identified copies
/// blank. They are not findings: training exports leave them out.
public enum Redaction {
  /// The label of a redaction box; not a schema label.
  public static let label = "redaction"
  /// Redaction boxes are drawn in this color (white: burned-in text is usually light).
  public static let color = LabelColor(red: 255, green: 255, blue: 255)

  /// Whether `annotation` is a redaction box.
  public static func isRedaction(_ annotation: Annotation) -> Bool {
    annotation.label == label && annotation.kind == .box
  }
}
