/// The one chunk that puts an image on screen without disturbing ncurses: save the cursor,
/// move to the image's top-left cell, the image bytes, restore the cursor.
public enum GraphicWrite {
  /// `ESC 7`, `CSI row;column H` (1-based), `bytes`, `ESC 8`, for a 0-based cell position.
  public static func chunk(_ bytes: [UInt8], row: Int, column: Int) -> [UInt8] {
    var chunk: [UInt8] = [0x1B, 0x37]
    chunk += Array("\u{1B}[\(max(0, row) + 1);\(max(0, column) + 1)H".utf8)
    chunk += bytes
    chunk += [0x1B, 0x38]
    return chunk
  }
}
