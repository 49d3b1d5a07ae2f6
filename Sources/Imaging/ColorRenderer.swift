import DICOM

/// Turns RGB frames into 8-bit RGB images; PALETTE COLOR frames go through `PaletteColorLUT`.
public enum ColorRenderer {
  /// Passes 8-bit RGB through and scales 16-bit RGB down by dropping the bits below the top 8 of
  /// `bitsStored`; the frame must already be RGB (YBR converted while decoding).
  public static func render(_ frame: PixelFrame, bitsStored: Int = 16) throws(ImagingError)
    -> RGBImage
  {
    let photometric = frame.photometricInterpretation.trimmingPadding().uppercased()
    guard photometric == "RGB" else {
      throw .unsupportedFrame("photometric interpretation \(photometric) is not RGB")
    }
    try frame.checkShape(samplesPerPixel: 3)
    let pixels: [UInt8]
    switch frame.samples {
    case .uint8(let v):
      pixels = v
    case .uint16(let v):
      let shift = UInt16(min(max(bitsStored - 8, 0), 8))
      pixels = v.map { UInt8(min($0 >> shift, 255)) }
    default:
      throw .unsupportedFrame("RGB samples must be 8- or 16-bit unsigned")
    }
    return RGBImage(width: frame.columns, height: frame.rows, pixels: pixels)
  }
}
