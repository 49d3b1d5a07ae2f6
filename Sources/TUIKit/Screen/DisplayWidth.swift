extension String {
  /// Terminal columns this text takes (combining marks add nothing, wide graphemes add 2).
  public var displayWidth: Int {
    reduce(0) { $0 + CharacterWidth.of($1) }
  }

  /// The text cut to at most `columns` columns, ending in `…` when anything was cut.
  public func truncated(toWidth columns: Int) -> String {
    guard columns > 0 else { return "" }
    guard displayWidth > columns else { return self }
    var result = ""
    var used = 0
    for character in self {
      let width = CharacterWidth.of(character)
      if used + width > columns - 1 { break }
      result.append(character)
      used += width
    }
    return result + "…"
  }
}
