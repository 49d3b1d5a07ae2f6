import Foundation

/// iTerm2's inline image escape (OSC 1337 File=), as iTerm2, WezTerm and Konsole read it.
public enum ITerm2Image {
  /// Shows `png` at the cursor stretched over exactly `columns` x `rows` cells.
  public static func display(png: [UInt8], columns: Int, rows: Int) -> [UInt8] {
    let arguments =
      "inline=1;size=\(png.count);width=\(max(columns, 1));height=\(max(rows, 1));"
      + "preserveAspectRatio=0"
    return Array("\u{1B}]1337;File=\(arguments):".utf8) + Array(Data(png).base64EncodedData())
      + [0x07]
  }
}
