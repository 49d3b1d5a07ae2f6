/// Bytes that print a graphic inline at the cursor, like img2sixel or timg, and leave the cursor
/// at the start of the line below it.
public enum InlinePlacement {
  /// Reserves `rows` lines first (scrolling if needed) so the graphic never reaches the screen's
  /// last row, then draws it between save and restore cursor, since terminals disagree on
  /// where a graphic leaves the cursor.
  public static func wrap(graphic: [UInt8], rows: Int) -> [UInt8] {
    let rows = max(rows, 1)
    var out = [UInt8](repeating: 0x0A, count: rows)
    out += Array("\u{1B}[\(rows)A\r\u{1B}7".utf8)
    out += graphic
    out += Array("\u{1B}8\u{1B}[\(rows)B\r".utf8)
    return out
  }

  /// Half-block lines printed as text: the terminal moves the cursor itself.
  public static func text(lines: [String]) -> [UInt8] {
    Array(lines.map { $0 + "\n" }.joined().utf8)
  }
}
