import TUIKit
import TerminalGraphics

/// How display pixels map onto terminal cells for the graphics protocol in use.
public struct CellGeometry: Sendable, Equatable {
  public var graphics: GraphicsProtocol
  /// One cell in pixels, as the terminal reported it.
  public var cell: PixelSize

  public init(graphics: GraphicsProtocol, cell: PixelSize) {
    self.graphics = graphics
    self.cell = PixelSize(width: max(1, cell.width), height: max(1, cell.height))
  }

  /// The display pixels a viewport of cells holds: two per cell row for half-blocks.
  public func pixelSize(of viewport: Rect) -> (width: Int, height: Int) {
    switch graphics {
    case .blocks: return (viewport.width, viewport.height * 2)
    case .sixel, .kitty, .iterm2:
      return (viewport.width * cell.width, viewport.height * cell.height)
    }
  }

  /// Display pixel rows per cell row.
  var rowHeight: Int { graphics == .blocks ? 2 : cell.height }
}
