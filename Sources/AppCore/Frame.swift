import TUIKit

/// One screen to show: the text cells, the viewport's cells, and the image to place there.
public struct Frame: Sendable, Equatable {
  public var screen: ScreenBuffer
  /// The cells the image may cover (a skip region of `screen` while an image is shown).
  public var viewport: Rect
  /// What to render into the viewport; nil while help covers it or there is no image.
  public var image: ImageRequest?
  /// Where the terminal cursor goes (on the command line); nil hides it.
  public var cursor: CursorPosition?

  public init(screen: ScreenBuffer, viewport: Rect, image: ImageRequest?, cursor: CursorPosition?) {
    self.screen = screen
    self.viewport = viewport
    self.image = image
    self.cursor = cursor
  }
}

/// A cell position on screen.
public struct CursorPosition: Sendable, Hashable {
  public var column: Int
  public var row: Int

  public init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }
}

/// Everything the shell needs to render the viewport image; equal requests give equal pixels,
/// so the shell re-renders only when this changes.
public struct ImageRequest: Sendable, Equatable {
  public var stack: Int
  public var frame: Int
  /// Nil until the frame's own window is known (the shell then renders nothing yet).
  public var window: WindowLevel?
  public var invert: Bool
  public var zoom: Double
  public var pan: PixelPoint
  public var overlay: Overlay

  public init(
    stack: Int, frame: Int, window: WindowLevel?, invert: Bool, zoom: Double, pan: PixelPoint,
    overlay: Overlay
  ) {
    self.stack = stack
    self.frame = frame
    self.window = window
    self.invert = invert
    self.zoom = zoom
    self.pan = pan
    self.overlay = overlay
  }
}
