/// One XTSMGRAPHICS reply, `CSI ? Pi ; Ps ; Pv [; Pv] S`, as the terminal sent it.
public struct GraphicsAttributeReply: Sendable, Hashable {
  /// Pi: 1 = colour registers, 2 = sixel geometry, 3 = ReGIS geometry.
  public var item: Int
  /// Ps: 0 = success; 1, 2 and 3 are errors (3 = failure).
  public var status: Int
  /// Pv: one value for colour registers, width and height for geometry.
  public var values: [Int]

  public init(item: Int, status: Int, values: [Int]) {
    self.item = item
    self.status = status
    self.values = values
  }

  /// Pi for the number of colour registers.
  public static let colorRegistersItem = 1
  /// Pi for the sixel graphics geometry.
  public static let sixelGeometryItem = 2

  /// Whether the terminal reported success for this request.
  public var succeeded: Bool { status == 0 }
}
