/// How a page's samples are numbers: unsigned, two's-complement signed or IEEE float.
public enum TIFFSampleFormat: Sendable, Equatable {
  case unsignedInteger
  case signedInteger
  case floatingPoint
  /// Any other SampleFormat code (void, complex types).
  case other(UInt16)
}

/// What a page's sample values mean (the TIFF PhotometricInterpretation).
public enum TIFFPhotometric: Sendable, Equatable {
  /// Gray, 0 is white.
  case minIsWhite
  /// Gray, 0 is black.
  case minIsBlack
  case rgb
  /// Indices into a 16-bit-per-channel RGB colormap.
  case palette
  /// Any other code (CMYK, YCbCr, CIE L*a*b*, ...).
  case other(UInt16)

  /// A name a person recognises, for messages.
  public var name: String {
    switch self {
    case .minIsWhite: return "MinIsWhite"
    case .minIsBlack: return "MinIsBlack"
    case .rgb: return "RGB"
    case .palette: return "Palette"
    case .other(let code):
      switch code {
      case 4: return "transparency mask"
      case 5: return "CMYK (separated)"
      case 6: return "YCbCr"
      case 8: return "CIE L*a*b*"
      case 9: return "ICC L*a*b*"
      case 10: return "ITU L*a*b*"
      case 32844: return "LogL"
      case 32845: return "LogLuv"
      default: return "photometric \(code)"
      }
    }
  }
}

/// Whether a page stores the samples of a pixel together or one plane per sample.
public enum TIFFPlanarConfiguration: Sendable, Equatable {
  /// RGBRGB... (chunky).
  case contiguous
  /// RRR... GGG... BBB...
  case separate
}

/// The unit of a page's XResolution / YResolution.
public enum TIFFResolutionUnit: Sendable, Equatable {
  /// No absolute unit: the values only give an aspect ratio.
  case none
  case inch
  case centimeter
}

/// Pixels per unit along x and y, as the page declares them.
public struct TIFFResolution: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var unit: TIFFResolutionUnit

  /// Creates a resolution.
  public init(x: Double, y: Double, unit: TIFFResolutionUnit) {
    self.x = x
    self.y = y
    self.unit = unit
  }

  /// The physical size of one pixel in millimetres, when the unit is absolute and both
  /// values are positive and finite.
  public var pixelSpacing: TIFFPixelSpacing? {
    let millimetresPerUnit: Double
    switch unit {
    case .none: return nil
    case .inch: millimetresPerUnit = 25.4
    case .centimeter: millimetresPerUnit = 10
    }
    guard x.isFinite, y.isFinite, x > 0, y > 0 else { return nil }
    return TIFFPixelSpacing(
      columnSpacing: millimetresPerUnit / x, rowSpacing: millimetresPerUnit / y)
  }
}

/// The physical size of a pixel in millimetres (DICOM Pixel Spacing lists row spacing first).
public struct TIFFPixelSpacing: Sendable, Equatable {
  /// Distance between neighbouring columns (along x), in mm.
  public var columnSpacing: Double
  /// Distance between neighbouring rows (along y), in mm.
  public var rowSpacing: Double

  /// Creates a spacing.
  public init(columnSpacing: Double, rowSpacing: Double) {
    self.columnSpacing = columnSpacing
    self.rowSpacing = rowSpacing
  }
}

/// One page's header: geometry, sample types and layout, read without decoding pixels.
public struct TIFFPageInfo: Sendable, Equatable {
  /// Zero-based position of the page in the file.
  public var index: Int
  public var width: Int
  public var height: Int
  /// All samples per pixel, including extra samples such as alpha.
  public var samplesPerPixel: Int
  /// Samples per pixel beyond the color channels (alpha, masks); the reader drops them.
  public var extraSamples: Int
  public var bitsPerSample: Int
  public var sampleFormat: TIFFSampleFormat
  public var photometric: TIFFPhotometric
  public var planarConfiguration: TIFFPlanarConfiguration
  /// The TIFF Compression code (1 none, 5 LZW, 8 Deflate, 7 JPEG, ...).
  public var compression: Int
  /// True when pixels are stored in tiles rather than strips.
  public var isTiled: Bool
  /// True when NewSubfileType marks the page as a reduced-resolution copy (a thumbnail).
  public var isReducedResolution: Bool
  /// The declared resolution, when both XResolution and YResolution are present.
  public var resolution: TIFFResolution?
  /// What stops this reader from decoding the page (e.g. "32-bit floating-point samples"),
  /// or nil when `readPage` can decode it. Size limits are checked separately.
  public var unsupportedFeature: String?

  /// Creates page metadata; the reader fills these from the file.
  public init(
    index: Int, width: Int, height: Int, samplesPerPixel: Int, extraSamples: Int,
    bitsPerSample: Int, sampleFormat: TIFFSampleFormat, photometric: TIFFPhotometric,
    planarConfiguration: TIFFPlanarConfiguration, compression: Int, isTiled: Bool,
    isReducedResolution: Bool, resolution: TIFFResolution?, unsupportedFeature: String?
  ) {
    self.index = index
    self.width = width
    self.height = height
    self.samplesPerPixel = samplesPerPixel
    self.extraSamples = extraSamples
    self.bitsPerSample = bitsPerSample
    self.sampleFormat = sampleFormat
    self.photometric = photometric
    self.planarConfiguration = planarConfiguration
    self.compression = compression
    self.isTiled = isTiled
    self.isReducedResolution = isReducedResolution
    self.resolution = resolution
    self.unsupportedFeature = unsupportedFeature
  }

  /// Pixel size in mm, when the resolution unit is inch or centimetre.
  public var pixelSpacing: TIFFPixelSpacing? { resolution?.pixelSpacing }

  /// True when the page is larger than `TIFFLimits` allow, so reading it would be refused.
  public var exceedsLimits: Bool {
    width > TIFFLimits.maximumSide || height > TIFFLimits.maximumSide
      || width * height > TIFFLimits.maximumPixels
  }

  /// Color channels the decoded page has: 1 for gray, 3 for RGB and palette.
  public var decodedComponents: Int {
    switch photometric {
    case .rgb, .palette: return 3
    default: return 1
    }
  }
}
