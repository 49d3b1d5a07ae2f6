/// One line of the help overlay: a key (or key sequence) and what it does.
public struct HelpEntry: Sendable, Equatable {
  public var key: String
  public var description: String

  public init(key: String, description: String) {
    self.key = key
    self.description = description
  }
}

/// A centered, bordered table of keys and descriptions, split into pages when too tall.
public struct HelpOverlay: Sendable, Equatable {
  public var title: String
  public var entries: [HelpEntry]
  /// The requested page, 0-based; clamped to the pages that exist.
  public var page: Int
  public var glyphs: Border.Glyphs
  public var borderStyle: Style
  public var keyStyle: Style
  public var textStyle: Style

  public init(
    title: String, entries: [HelpEntry], page: Int = 0, glyphs: Border.Glyphs = .unicode,
    borderStyle: Style = .plain, keyStyle: Style = Style(bold: true), textStyle: Style = .plain
  ) {
    self.title = title
    self.entries = entries
    self.page = page
    self.glyphs = glyphs
    self.borderStyle = borderStyle
    self.keyStyle = keyStyle
    self.textStyle = textStyle
  }

  /// What a draw showed: the page drawn, how many pages there are, and the box.
  public struct Placement: Sendable, Equatable {
    public var page: Int
    public var pageCount: Int
    public var box: Rect
  }

  /// Draws the overlay centered in `area`, hiding what lies under its box.
  @discardableResult
  public func draw(in buffer: inout ScreenBuffer, _ area: Rect) -> Placement {
    let keyWidth = entries.map(\.key.displayWidth).max() ?? 0
    let descriptionWidth = entries.map(\.description.displayWidth).max() ?? 0
    // Border and one space of padding each side, two spaces between the columns.
    let wantedWidth = max(keyWidth + 2 + descriptionWidth, title.displayWidth + 2, 12) + 4
    let boxWidth = min(wantedWidth, area.width)
    let capacity = max(1, area.height - 2)
    let pageCount: Int
    let rowsPerPage: Int
    if entries.count <= capacity {
      pageCount = 1
      rowsPerPage = max(1, entries.count)
    } else {
      // One row goes to the page footer.
      rowsPerPage = max(1, capacity - 1)
      pageCount = (entries.count + rowsPerPage - 1) / rowsPerPage
    }
    let shownPage = min(max(0, page), pageCount - 1)
    let footerRows = pageCount > 1 ? 1 : 0
    let box = area.centered(width: boxWidth, height: rowsPerPage + footerRows + 2)
    guard box.width >= 4, box.height >= 3 else {
      return Placement(page: shownPage, pageCount: pageCount, box: box)
    }
    buffer.fill(box, style: textStyle)
    let inner = Border(glyphs: glyphs, style: borderStyle, title: title).draw(in: &buffer, box)
      .inset(left: 1, right: 1)
    let keyColumn = min(keyWidth, max(1, inner.width / 2))
    let first = shownPage * rowsPerPage
    let shown = entries[first..<min(entries.count, first + rowsPerPage)]
    for (line, entry) in shown.enumerated() {
      let row = inner.row + line
      buffer.write(
        entry.key.truncated(toWidth: keyColumn), column: inner.column, row: row,
        style: keyStyle, limit: inner.maxColumn)
      let descriptionColumn = inner.column + keyColumn + 2
      buffer.write(
        entry.description.truncated(toWidth: inner.maxColumn - descriptionColumn),
        column: descriptionColumn, row: row, style: textStyle, limit: inner.maxColumn)
    }
    if pageCount > 1 {
      let footer = Rect(column: inner.column, row: inner.maxRow - 1, width: inner.width, height: 1)
      TextLine("page \(shownPage + 1)/\(pageCount)", alignment: .right, style: textStyle)
        .draw(in: &buffer, footer)
    }
    return Placement(page: shownPage, pageCount: pageCount, box: box)
  }
}
