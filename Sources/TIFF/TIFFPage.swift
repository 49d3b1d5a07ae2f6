/// Decoded samples of one page, row by row, components of a pixel interleaved.
public enum TIFFSamples: Sendable, Equatable {
  /// 8-bit gray, or 8-bit RGB (including expanded palette pages).
  case uint8([UInt8])
  /// 16-bit gray or RGB.
  case uint16([UInt16])
  /// Signed 16-bit gray.
  case int16([Int16])

  /// Number of samples held.
  public var count: Int {
    switch self {
    case .uint8(let values): return values.count
    case .uint16(let values): return values.count
    case .int16(let values): return values.count
    }
  }
}

/// One decoded page: its header, samples in MinIsBlack / RGB form, and what was converted.
public struct TIFFPage: Sendable, Equatable {
  /// The page header as stored in the file (photometric still says MinIsWhite / Palette).
  public let info: TIFFPageInfo
  /// Components per pixel in `samples`: 1 (gray) or 3 (RGB).
  public let components: Int
  /// `info.height` rows of `info.width` pixels, `components` samples each.
  public let samples: TIFFSamples
  /// True when the file stored MinIsWhite and the samples were inverted to MinIsBlack.
  public let invertedFromMinIsWhite: Bool
  /// True when the file stored palette indices and the samples are the colormap's RGB.
  public let expandedFromPalette: Bool
  /// True when extra samples (alpha and the like) were dropped.
  public let droppedExtraSamples: Bool

  /// Creates a decoded page.
  public init(
    info: TIFFPageInfo, components: Int, samples: TIFFSamples, invertedFromMinIsWhite: Bool,
    expandedFromPalette: Bool, droppedExtraSamples: Bool
  ) {
    self.info = info
    self.components = components
    self.samples = samples
    self.invertedFromMinIsWhite = invertedFromMinIsWhite
    self.expandedFromPalette = expandedFromPalette
    self.droppedExtraSamples = droppedExtraSamples
  }
}
