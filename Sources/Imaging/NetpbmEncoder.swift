/// Binary Netpbm files: PGM (P5) for gray, PPM (P6) for RGB, 8-bit samples (maxval 255).
public enum NetpbmEncoder {
  /// The image as a P5 file.
  public static func pgm(_ image: GrayImage) throws(ImageEncodingError) -> [UInt8] {
    try checkImage(
      width: image.width, height: image.height, bytes: image.pixels.count,
      consistent: image.isConsistent)
    return header("P5", image.width, image.height) + image.pixels
  }

  /// The image as a P6 file.
  public static func ppm(_ image: RGBImage) throws(ImageEncodingError) -> [UInt8] {
    try checkImage(
      width: image.width, height: image.height, bytes: image.pixels.count,
      consistent: image.isConsistent)
    return header("P6", image.width, image.height) + image.pixels
  }

  private static func header(_ magic: String, _ width: Int, _ height: Int) -> [UInt8] {
    Array("\(magic)\n\(width) \(height)\n255\n".utf8)
  }
}
