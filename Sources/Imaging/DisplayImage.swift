/// A frame ready for display: 8-bit gray after windowing, or 8-bit RGB for color and palette
/// images.
public enum DisplayImage: Sendable, Equatable {
  case gray(GrayImage)
  case color(RGBImage)

  public var width: Int {
    switch self {
    case .gray(let image): image.width
    case .color(let image): image.width
    }
  }

  public var height: Int {
    switch self {
    case .gray(let image): image.height
    case .color(let image): image.height
    }
  }

  /// The image resized to `width` x `height` (see `Resampler`).
  public func resized(width: Int, height: Int) -> DisplayImage {
    switch self {
    case .gray(let image): .gray(Resampler.resize(image, width: width, height: height))
    case .color(let image): .color(Resampler.resize(image, width: width, height: height))
    }
  }

  /// The image seen through a transform in a `width` x `height` viewport (see `ViewportSampler`).
  public func sampled(
    width: Int, height: Int, scale: Double, scaleY: Double? = nil, offsetX: Double,
    offsetY: Double
  ) -> DisplayImage {
    switch self {
    case .gray(let image):
      .gray(
        ViewportSampler.sample(
          image, width: width, height: height, scale: scale, scaleY: scaleY, offsetX: offsetX,
          offsetY: offsetY))
    case .color(let image):
      .color(
        ViewportSampler.sample(
          image, width: width, height: height, scale: scale, scaleY: scaleY, offsetX: offsetX,
          offsetY: offsetY))
    }
  }
}

extension PNGEncoder {
  /// The display image as a PNG: gray (color type 0) or RGB (color type 2).
  public static func encode(_ image: DisplayImage, compressionLevel: Int = 6)
    throws(ImageEncodingError) -> [UInt8]
  {
    switch image {
    case .gray(let gray): try encode(gray, compressionLevel: compressionLevel)
    case .color(let color): try encode(color, compressionLevel: compressionLevel)
    }
  }
}
