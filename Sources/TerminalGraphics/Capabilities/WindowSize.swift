/// The terminal size the kernel reports through `ioctl(TIOCGWINSZ)`: cells and (maybe) pixels.
///
/// Pixel sizes are zero when the terminal does not fill them in; xterm includes its inner border in them.
public struct WindowSize: Sendable, Hashable {
  public var rows: Int
  public var columns: Int
  public var pixelWidth: Int
  public var pixelHeight: Int

  public init(rows: Int, columns: Int, pixelWidth: Int, pixelHeight: Int) {
    self.rows = rows
    self.columns = columns
    self.pixelWidth = pixelWidth
    self.pixelHeight = pixelHeight
  }
}
