import TUIKit

/// The buffer's text with `|` after each row, so golden strings keep trailing spaces visibly.
func framed(_ buffer: ScreenBuffer, skipMarker: Character? = "~") -> String {
  buffer.snapshotText(skipMarker: skipMarker).split(
    separator: "\n", omittingEmptySubsequences: false
  )
  .map { $0 + "|" }.joined(separator: "\n")
}
