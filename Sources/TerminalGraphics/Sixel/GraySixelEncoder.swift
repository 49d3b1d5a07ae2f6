import Imaging

/// Encodes an already windowed 8-bit gray frame as sixel with a fixed gray palette.
public enum GraySixelEncoder {
  /// Quantises `image` to `levels` grays (clamped to 2...101) and encodes it with `SixelEncoder`.
  ///
  /// The gray values serve as palette indices directly, with a 256-entry palette of level percents;
  /// the encoder merges entries of equal percent, so no intermediate raster is built.
  public static func encode(
    _ image: GrayImage, levels: Int = GrayQuantizer.maximumLevels,
    options: SixelEncoder.Options = SixelEncoder.Options()
  ) -> [UInt8] {
    let raster = IndexedRaster(width: image.width, height: image.height, indices: image.pixels)
    return SixelEncoder.encode(
      raster, palette: GrayQuantizer(levels: levels).palette, options: options)
  }
}
