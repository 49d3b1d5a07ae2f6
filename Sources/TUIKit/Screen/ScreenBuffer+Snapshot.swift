extension ScreenBuffer {
  /// The characters, one line per row; cells under skip regions show `skipMarker` when given.
  /// Trailing spaces are kept so golden strings show the full width.
  public func snapshotText(skipMarker: Character? = "~") -> String {
    (0..<height).map { row in
      (0..<width).map { column -> String in
        if let skipMarker, isSkipped(column: column, row: row) { return String(skipMarker) }
        return self[column, row].text
      }.joined()
    }.joined(separator: "\n")
  }

  /// Style runs per row, one line each, such as `3: 0-9 accent, 10-79 fg=15 B`.
  ///
  /// Rows whose every cell is `Style.plain` are left out to keep goldens short. Styles found
  /// in `names` print as their name (a theme's role names), others in `Style.compactDescription`.
  public func snapshotStyles(names: [Style: String] = [:]) -> String {
    var lines: [String] = []
    for row in 0..<height {
      var runs: [(start: Int, end: Int, style: Style)] = []
      for column in 0..<width {
        let style = self[column, row].style
        if let last = runs.last, last.style == style {
          runs[runs.count - 1].end = column
        } else {
          runs.append((column, column, style))
        }
      }
      if runs.count == 1 && runs[0].style == .plain { continue }
      let described = runs.map { run in
        "\(run.start)-\(run.end) " + (names[run.style] ?? run.style.compactDescription)
      }
      lines.append("\(row): " + described.joined(separator: ", "))
    }
    return lines.joined(separator: "\n")
  }
}
