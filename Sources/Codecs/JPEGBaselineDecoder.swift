import DICOM

/// Decodes JPEG Baseline (Process 1) frames, 1.2.840.10008.1.2.4.50, with libjpeg-turbo.
///
/// YCbCr is converted to RGB when the JPEG markers say the stream is YCbCr (libjpeg's rules:
/// JFIF, Adobe APP14 transform 1, component ids other than R G B); `convertedToRGB` says which.
/// A mislabelled 12-bit stream is decoded as JPEG Extended would.
public struct JPEGBaselineDecoder: PixelDecoder {
  public init() {}

  /// Decodes one frame; throws `CodecError` for corrupt, truncated or mismatched streams.
  public func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    try JPEGDCTDecoding.decode(frame, as: description, codecName: "JPEG Baseline")
  }
}
