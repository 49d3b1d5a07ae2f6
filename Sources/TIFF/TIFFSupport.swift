/// Decides whether a page's layout is one the reader decodes, and names it when not.
enum TIFFSupport {
  /// Why the page cannot be decoded, or nil when it can.
  /// `codecAvailable` says whether the installed libtiff can decompress the page.
  static func unsupportedFeature(
    samplesPerPixel: Int, extraSamples: Int, bitsPerSample: Int,
    sampleFormat: TIFFSampleFormat, photometric: TIFFPhotometric, compression: Int,
    codecAvailable: Bool
  ) -> String? {
    if !codecAvailable {
      return "compression \(compressionName(compression)) (not available in libtiff)"
    }
    if compression == 6 { return "old-style JPEG compression" }
    switch sampleFormat {
    case .floatingPoint: return "\(bitsPerSample)-bit floating-point samples"
    case .other(let code): return "sample format \(code)"
    case .signedInteger where bitsPerSample != 16:
      return "signed \(bitsPerSample)-bit samples"
    case .signedInteger, .unsignedInteger: break
    }
    if bitsPerSample == 1 { return "1-bit (bilevel) samples" }
    if bitsPerSample != 8 && bitsPerSample != 16 { return "\(bitsPerSample)-bit samples" }
    let colorSamples = samplesPerPixel - extraSamples
    switch photometric {
    case .minIsBlack, .minIsWhite:
      if colorSamples != 1 { return "\(colorSamples) gray samples per pixel" }
      if photometric == .minIsWhite && sampleFormat == .signedInteger {
        return "signed MinIsWhite samples"
      }
    case .rgb:
      if colorSamples != 3 { return "RGB with \(colorSamples) color samples per pixel" }
      if sampleFormat == .signedInteger { return "signed RGB samples" }
    case .palette:
      if samplesPerPixel != 1 { return "palette with \(samplesPerPixel) samples per pixel" }
      if bitsPerSample != 8 { return "\(bitsPerSample)-bit palette indices" }
      if sampleFormat == .signedInteger { return "signed palette indices" }
    case .other:
      return "photometric interpretation \(photometric.name)"
    }
    if compression == 7 && photometric != .minIsBlack && photometric != .rgb {
      return "JPEG compression with \(photometric.name)"
    }
    return nil
  }

  /// The conventional name of a TIFF Compression code.
  static func compressionName(_ code: Int) -> String {
    switch code {
    case 1: return "none"
    case 2: return "CCITT RLE"
    case 3: return "CCITT Group 3"
    case 4: return "CCITT Group 4"
    case 5: return "LZW"
    case 6: return "old-style JPEG"
    case 7: return "JPEG"
    case 8, 32946: return "Deflate"
    case 32773: return "PackBits"
    case 34887: return "LERC"
    case 34925: return "LZMA"
    case 50000: return "Zstandard"
    case 50001: return "WebP"
    case 50002: return "JPEG XL"
    default: return "code \(code)"
    }
  }
}
