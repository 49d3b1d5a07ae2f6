import Annotations
import AppCore
import Imaging

/// Turns an image request into the viewport's pixels: the window applied once per frame and
/// window, then zoom and pan, then the overlay.
final class ViewportRenderer {
  private var windowed: (key: WindowedKey, image: DisplayImage)?

  /// The viewport image for `request`, `width` x `height` display pixels; nil while the frame's
  /// window is not known yet.
  func canvas(
    for request: ImageRequest, frame: DecodedFrame, width: Int, height: Int
  ) throws -> DisplayImage? {
    let key = WindowedKey(
      stack: request.stack, frame: request.frame, window: request.window, invert: request.invert)
    let image: DisplayImage
    if let windowed, windowed.key == key {
      image = windowed.image
    } else {
      guard let rendered = try frame.render(window: request.window, invert: request.invert) else {
        return nil
      }
      windowed = (key, rendered)
      image = rendered
    }
    let transform = ImageToDisplay.fitting(
      ImageSize(columns: image.width, rows: image.height), width: width, height: height,
      zoom: request.zoom, pan: request.pan, heightOverWidth: frame.pixelAspect)
    let hasOverlay = !request.overlay.shapes.isEmpty || request.overlay.crosshair != nil
    let sampled = image.sampled(
      width: width, height: height, scale: transform.scale, scaleY: transform.scaleY,
      offsetX: transform.offsetX, offsetY: transform.offsetY)
    guard hasOverlay else { return sampled }
    return .color(OverlayPainter.paint(sampled, overlay: request.overlay, transform: transform))
  }
}

private struct WindowedKey: Equatable {
  var stack: Int
  var frame: Int
  var window: WindowLevel?
  var invert: Bool
}
