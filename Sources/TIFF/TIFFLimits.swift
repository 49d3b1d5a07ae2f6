/// The largest page this reader will decode; larger pages are refused before allocating.
public enum TIFFLimits {
  /// Widest or tallest accepted page, in pixels.
  public static let maximumSide = 65_535
  /// Most pixels accepted in one page (2^28).
  public static let maximumPixels = 1 << 28
}
