import CTIFF

extension TIFFHandle {
  /// Reads the current directory's header into page metadata.
  func currentPageInfo(index: Int) -> TIFFPageInfo {
    let width = Int(uint32(TIFFTAG_IMAGEWIDTH, defaulted: false) ?? 0)
    let height = Int(uint32(TIFFTAG_IMAGELENGTH, defaulted: false) ?? 0)
    let samplesPerPixel = Int(uint16(TIFFTAG_SAMPLESPERPIXEL) ?? 1)
    let extraSamples = extraSampleCount
    let bitsPerSample = Int(uint16(TIFFTAG_BITSPERSAMPLE) ?? 1)
    let sampleFormat = Self.sampleFormat(uint16(TIFFTAG_SAMPLEFORMAT) ?? 1)
    let photometric = Self.photometric(
      uint16(TIFFTAG_PHOTOMETRIC, defaulted: false), samplesPerPixel: samplesPerPixel)
    let planar: TIFFPlanarConfiguration =
      uint16(TIFFTAG_PLANARCONFIG) == UInt16(PLANARCONFIG_SEPARATE) ? .separate : .contiguous
    let compression = Int(uint16(TIFFTAG_COMPRESSION) ?? 1)
    let subfileType = uint32(TIFFTAG_SUBFILETYPE) ?? 0
    let unsupported = TIFFSupport.unsupportedFeature(
      samplesPerPixel: samplesPerPixel, extraSamples: extraSamples, bitsPerSample: bitsPerSample,
      sampleFormat: sampleFormat, photometric: photometric, compression: compression,
      codecAvailable: TIFFIsCODECConfigured(UInt16(truncatingIfNeeded: compression)) != 0)
    return TIFFPageInfo(
      index: index, width: width, height: height, samplesPerPixel: samplesPerPixel,
      extraSamples: extraSamples, bitsPerSample: bitsPerSample, sampleFormat: sampleFormat,
      photometric: photometric, planarConfiguration: planar, compression: compression,
      isTiled: TIFFIsTiled(tif) != 0,
      isReducedResolution: subfileType & UInt32(FILETYPE_REDUCEDIMAGE) != 0,
      resolution: currentResolution, unsupportedFeature: unsupported)
  }

  private var currentResolution: TIFFResolution? {
    guard let x = float(TIFFTAG_XRESOLUTION), let y = float(TIFFTAG_YRESOLUTION) else {
      return nil
    }
    let unit: TIFFResolutionUnit
    switch Int32(uint16(TIFFTAG_RESOLUTIONUNIT) ?? UInt16(RESUNIT_INCH)) {
    case RESUNIT_INCH: unit = .inch
    case RESUNIT_CENTIMETER: unit = .centimeter
    default: unit = .none
    }
    return TIFFResolution(x: Double(x), y: Double(y), unit: unit)
  }

  private static func sampleFormat(_ code: UInt16) -> TIFFSampleFormat {
    switch Int32(code) {
    case SAMPLEFORMAT_UINT: return .unsignedInteger
    case SAMPLEFORMAT_INT: return .signedInteger
    case SAMPLEFORMAT_IEEEFP: return .floatingPoint
    default: return .other(code)
    }
  }

  /// A missing Photometric tag is common in old files: guess as libtiff's tools do.
  private static func photometric(_ code: UInt16?, samplesPerPixel: Int) -> TIFFPhotometric {
    guard let code else { return samplesPerPixel >= 3 ? .rgb : .minIsBlack }
    switch Int32(code) {
    case PHOTOMETRIC_MINISWHITE: return .minIsWhite
    case PHOTOMETRIC_MINISBLACK: return .minIsBlack
    case PHOTOMETRIC_RGB: return .rgb
    case PHOTOMETRIC_PALETTE: return .palette
    default: return .other(code)
    }
  }
}
