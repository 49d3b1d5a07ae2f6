/// A rectangle of image pixels to blank, in columns (x) and rows (y) from the top-left corner.
public struct RedactionRectangle: Sendable, Equatable, Codable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}
