import DICOM

/// Decodes JPEG Extended (Process 2 and 4) frames, 1.2.840.10008.1.2.4.51.
///
/// 12-bit streams go through GDCM's IJG 12-bit build (within 1 of other decoders: IDCT
/// rounding); 8-bit streams through libjpeg-turbo. 12-bit samples come back as 2 bytes.
public struct JPEGExtendedDecoder: PixelDecoder {
  public init() {}

  /// Decodes one frame; throws `CodecError` for corrupt, truncated or mismatched streams.
  public func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    try JPEGDCTDecoding.decode(frame, as: description, codecName: "JPEG Extended")
  }
}
