import Annotations
import Imaging

/// Draws the overlay into the windowed frame at display size, giving the RGB image to encode.
public enum OverlayPainter {
  /// `gray` as RGB with every shape outlined in its label color and the crosshair on top.
  public static func paint(_ gray: GrayImage, overlay: Overlay, transform: ImageToDisplay)
    -> RGBImage
  {
    paint(Canvas(gray), overlay: overlay, transform: transform)
  }

  /// The same over an RGB image (color ultrasound, secondary capture).
  public static func paint(_ rgb: RGBImage, overlay: Overlay, transform: ImageToDisplay)
    -> RGBImage
  {
    paint(Canvas(rgb), overlay: overlay, transform: transform)
  }

  /// The same over either kind of display image.
  public static func paint(_ image: DisplayImage, overlay: Overlay, transform: ImageToDisplay)
    -> RGBImage
  {
    switch image {
    case .gray(let gray): paint(gray, overlay: overlay, transform: transform)
    case .color(let rgb): paint(rgb, overlay: overlay, transform: transform)
    }
  }

  private static func paint(_ canvas: Canvas, overlay: Overlay, transform: ImageToDisplay)
    -> RGBImage
  {
    var canvas = canvas
    for shape in overlay.shapes {
      canvas.draw(shape, transform: transform)
    }
    if let crosshair = overlay.crosshair {
      canvas.drawCrosshair(at: crosshair, color: overlay.crosshairColor, transform: transform)
    }
    return canvas.image
  }
}

/// An RGB raster with clipped plotting; writes outside the image are dropped.
private struct Canvas {
  var image: RGBImage

  init(_ gray: GrayImage) {
    let count = gray.isConsistent ? gray.width * gray.height : 0
    var pixels = [UInt8](repeating: 0, count: count * 3)
    for index in 0..<count {
      let value = gray.pixels[index]
      pixels[index * 3] = value
      pixels[index * 3 + 1] = value
      pixels[index * 3 + 2] = value
    }
    image = RGBImage(
      width: count > 0 ? gray.width : 0, height: count > 0 ? gray.height : 0, pixels: pixels)
  }

  init(_ rgb: RGBImage) {
    image = rgb.isConsistent ? rgb : RGBImage(width: 0, height: 0, pixels: [])
  }

  mutating func plot(_ x: Int, _ y: Int, _ color: LabelColor, thick: Bool = false) {
    put(x, y, color)
    if thick {
      put(x + 1, y, color)
      put(x, y + 1, color)
      put(x + 1, y + 1, color)
    }
  }

  private mutating func put(_ x: Int, _ y: Int, _ color: LabelColor) {
    guard x >= 0, y >= 0, x < image.width, y < image.height else { return }
    let index = (y * image.width + x) * 3
    image.pixels[index] = color.red
    image.pixels[index + 1] = color.green
    image.pixels[index + 2] = color.blue
  }

  mutating func draw(_ shape: OverlayShape, transform: ImageToDisplay) {
    switch shape.geometry {
    case .box(let box):
      // Edges on the first and last display pixel the box covers, so they sit inside it.
      let left = Self.pixel(transform.x(box.x))
      let top = Self.pixel(transform.y(box.y))
      let right = max(left, Self.pixel(transform.x(box.x + box.width)) - 1)
      let bottom = max(top, Self.pixel(transform.y(box.y + box.height)) - 1)
      let corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
      for index in 0..<4 {
        let (x0, y0) = corners[index]
        let (x1, y1) = corners[(index + 1) % 4]
        line(x0, y0, x1, y1, shape.color, thick: shape.highlighted)
      }
    case .path(let points, let closed):
      let display = points.map { (Self.pixel(transform.x($0.x)), Self.pixel(transform.y($0.y))) }
      guard let first = display.first else { return }
      plot(first.0, first.1, shape.color, thick: shape.highlighted)
      for (start, end) in zip(display, display.dropFirst()) {
        line(start.0, start.1, end.0, end.1, shape.color, thick: shape.highlighted)
      }
      if closed, display.count > 2, let last = display.last {
        line(last.0, last.1, first.0, first.1, shape.color, thick: shape.highlighted)
      }
    }
  }

  /// Four arms around the pointed pixel's center, leaving the pixel itself visible.
  mutating func drawCrosshair(
    at point: PixelPoint, color: LabelColor, transform: ImageToDisplay
  ) {
    let centerX = Self.pixel(transform.x(Double(point.x) + 0.5))
    let centerY = Self.pixel(transform.y(Double(point.y) + 0.5))
    let gap = max(1, Int((transform.scale / 2).rounded(.up)))
    let arm = gap + 6
    for distance in gap...arm {
      plot(centerX - distance, centerY, color)
      plot(centerX + distance, centerY, color)
      plot(centerX, centerY - distance, color)
      plot(centerX, centerY + distance, color)
    }
  }

  /// Bresenham's line, both ends included.
  mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ color: LabelColor, thick: Bool) {
    // Far-off coordinates (a huge zoom) would loop for long; such lines lie outside anyway.
    let limit = 1 << 20
    guard [x0, y0, x1, y1].allSatisfy({ abs($0) < limit }) else { return }
    var x = x0
    var y = y0
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let stepX = x0 < x1 ? 1 : -1
    let stepY = y0 < y1 ? 1 : -1
    var error = dx + dy
    while true {
      plot(x, y, color, thick: thick)
      if x == x1 && y == y1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// The display pixel holding a coordinate; non-finite values land far outside.
  static func pixel(_ value: Double) -> Int {
    guard value.isFinite else { return Int.min / 4 }
    return Int(max(-1e9, min(1e9, value)).rounded(.down))
  }
}
