import CCodecShims
import DICOM

/// Decodes JPEG 2000 (1.2.840.10008.1.2.4.90, .91) and HTJ2K (.201, .202, .203) frames.
///
/// Uses OpenJPEG. Precision and signedness are what the codestream declares, which can
/// disagree with BitsStored and PixelRepresentation; the caller reinterprets. When the
/// codestream applies its inverse colour transform (RCT or ICT), `convertedToRGB` is true.
public struct JPEG2000Decoder: PixelDecoder {
  public init() {}

  /// Decodes one frame; throws `CodecError` for corrupt, truncated or mismatched streams.
  public func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    try ShimDecoding.decode(
      frame, as: description, codecName: "JPEG 2000", with: ccs_decode_j2k)
  }
}
