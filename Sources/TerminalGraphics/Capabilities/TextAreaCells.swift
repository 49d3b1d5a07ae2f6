/// A text area measured in character cells, as a `CSI 8 ; rows ; cols t` reply states it.
///
/// Kept raw: tmux 3.3a swaps rows and columns in this reply.
public struct TextAreaCells: Sendable, Hashable {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }
}
