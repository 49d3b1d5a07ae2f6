import DICOM

/// Looks up the Basic Profile action of Table E.1-1 for a tag.
public enum BasicProfile {
  /// The PS3.15 edition the generated table states.
  public static let edition = BasicProfileTable.edition
  /// The package the table was generated from, with its version.
  public static let tableSource = BasicProfileTable.source
  /// The number of rows in the generated table.
  public static var rowCount: Int { BasicProfileTable.rows.count }

  private static let exactRows: [UInt32: BasicProfileRow] = Dictionary(
    BasicProfileTable.rows.filter { $0.mask == 0xFFFF_FFFF }.map { ($0.tag, $0) },
    uniquingKeysWith: { first, _ in first })
  private static let patternRows = BasicProfileTable.rows.filter { $0.mask != 0xFFFF_FFFF }

  /// The table's action for `tag`, or nil when the table does not list it (the profile keeps it).
  public static func action(for tag: Tag) -> ProfileAction? {
    row(for: tag)?.action
  }

  /// The standard's attribute name for `tag`, when the table lists it.
  public static func attributeName(for tag: Tag) -> String? {
    row(for: tag)?.name
  }

  private static func row(for tag: Tag) -> BasicProfileRow? {
    if let row = exactRows[tag.rawValue] { return row }
    return patternRows.first { $0.matches(tag) }
  }
}
