import DICOM

/// What de-identification did to one data set, for the import log and the user.
public struct DeidentificationReport: Sendable, Equatable {
  /// How many elements each table action was applied to (composites counted as resolved).
  public var actionCounts: [ProfileAction: Int] = [:]
  /// Private elements (odd groups), creators included, that were removed.
  public var privateElementsRemoved = 0
  /// Patient ID and Patient's Name values replaced by the keyed pseudonym.
  public var pseudonymsApplied = 0
  /// Text, name and date elements the profile keeps, by tag: a person may want to review them.
  public var keptTextElements: [Tag: Int] = [:]

  public init() {}

  mutating func count(_ action: ProfileAction) {
    actionCounts[action, default: 0] += 1
  }
}
