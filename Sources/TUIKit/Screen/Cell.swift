/// One screen column: a grapheme with its style.
///
/// A wide grapheme occupies its own cell (width 2) and the next one, a continuation cell with
/// empty text and width 0 that a backend skips when painting.
public struct Cell: Sendable, Hashable {
  /// The grapheme shown, possibly with combining marks; empty in a continuation cell.
  public var text: String
  /// 1 or 2 for a cell that starts a grapheme, 0 for the right half of a wide one.
  public var width: Int
  public var style: Style

  public init(text: String, width: Int, style: Style) {
    self.text = text
    self.width = width
    self.style = style
  }

  /// A space in `style`.
  public static func blank(_ style: Style = .plain) -> Cell {
    Cell(text: " ", width: 1, style: style)
  }

  /// The right half of a wide grapheme.
  public static func continuation(_ style: Style) -> Cell {
    Cell(text: "", width: 0, style: style)
  }

  public var isContinuation: Bool { width == 0 }
}
