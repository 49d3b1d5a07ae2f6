import Annotations

/// What is drawn over the image: shapes in image pixel coordinates and the crosshair.
public struct Overlay: Sendable, Equatable {
  public var shapes: [OverlayShape]
  /// The image pixel the crosshair points at, while drawing.
  public var crosshair: PixelPoint?
  public var crosshairColor: LabelColor

  public init(
    shapes: [OverlayShape] = [], crosshair: PixelPoint? = nil,
    crosshairColor: LabelColor = LabelColor(red: 255, green: 212, blue: 0)
  ) {
    self.shapes = shapes
    self.crosshair = crosshair
    self.crosshairColor = crosshairColor
  }
}

/// One outline to draw: a box, or a polygon (closed) or the polyline being drawn (open).
public struct OverlayShape: Sendable, Equatable {
  public enum Geometry: Sendable, Equatable {
    case box(BoundingBox)
    case path([ImagePoint], closed: Bool)
  }

  public var geometry: Geometry
  public var color: LabelColor
  /// Drawn two display pixels thick: the selected shape.
  public var highlighted: Bool

  public init(_ geometry: Geometry, color: LabelColor, highlighted: Bool = false) {
    self.geometry = geometry
    self.color = color
    self.highlighted = highlighted
  }
}

/// Maps image pixel coordinates to display pixels: `display = image * scale + offset`, with
/// `scaleY` differing from `scale` for non-square pixels (Pixel Spacing rows ≠ columns).
public struct ImageToDisplay: Sendable, Equatable {
  public var scale: Double
  public var scaleY: Double
  public var offsetX: Double
  public var offsetY: Double

  public init(scale: Double, scaleY: Double? = nil, offsetX: Double = 0, offsetY: Double = 0) {
    self.scale = scale
    self.scaleY = scaleY ?? scale
    self.offsetX = offsetX
    self.offsetY = offsetY
  }

  /// The image fitted into `width` x `height` display pixels, magnified by `zoom`, with the
  /// view centered `pan` image pixels from the image center; a pixel is `heightOverWidth` times
  /// as tall as it is wide.
  public static func fitting(
    _ image: ImageSize, width: Int, height: Int, zoom: Double = 1,
    pan: PixelPoint = PixelPoint(x: 0, y: 0), heightOverWidth: Double = 1
  ) -> ImageToDisplay {
    let columns = Double(max(1, image.columns))
    let rows = Double(max(1, image.rows))
    let aspect = heightOverWidth.isFinite && heightOverWidth > 0 ? heightOverWidth : 1
    let fit = min(Double(max(1, width)) / columns, Double(max(1, height)) / (rows * aspect))
    let scale = fit * (zoom.isFinite && zoom > 0 ? zoom : 1)
    let centerX = columns / 2 + Double(pan.x)
    let centerY = rows / 2 + Double(pan.y)
    return ImageToDisplay(
      scale: scale, scaleY: scale * aspect, offsetX: Double(width) / 2 - centerX * scale,
      offsetY: Double(height) / 2 - centerY * scale * aspect)
  }

  func x(_ value: Double) -> Double { value * scale + offsetX }
  func y(_ value: Double) -> Double { value * scaleY + offsetY }
}
