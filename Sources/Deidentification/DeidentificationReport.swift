import DICOM

/// What de-identification did to one data set, for the import log and the user.
public struct DeidentificationReport: Sendable, Equatable {
  /// How many elements each table action was applied to (composites counted as resolved).
  public var actionCounts: [ProfileAction: Int] = [:]
  /// Private elements (odd groups), creators included, that were removed.
  public var privateElementsRemoved = 0
  /// Elements of overlay groups (60xx) removed beyond the table's Overlay Data and Comments.
  public var overlayElementsRemoved = 0
  /// Patient ID and Patient's Name values replaced by the keyed pseudonym.
  public var pseudonymsApplied = 0
  /// Date and date-time values shifted by the per-patient offset.
  public var datesShifted = 0
  /// Dates that could not be parsed for shifting and were emptied instead.
  public var datesEmptied = 0
  /// Redaction rectangles blanked in the pixel data.
  public var rectanglesRedacted = 0
  /// Text, name and date elements the profile keeps, by tag: a person may want to review them.
  public var keptTextElements: [Tag: Int] = [:]

  public init() {}

  mutating func count(_ action: ProfileAction) {
    actionCounts[action, default: 0] += 1
  }
}
