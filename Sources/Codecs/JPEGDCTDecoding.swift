import CCodecShims
import DICOM

/// Routes a DCT JPEG stream to the libjpeg build matching its sample precision.
enum JPEGDCTDecoding {
  /// Decodes 8-bit streams with libjpeg-turbo and 12-bit streams with GDCM's IJG 12-bit build.
  static func decode(_ frame: [UInt8], as description: FrameDescription, codecName: String)
    throws(CodecError) -> DecodedSamples
  {
    let header: JPEGFrameHeader
    do {
      header = try JPEGFrameHeader(scanning: frame)
    } catch {
      throw CodecError("\(codecName): \(error.message)")
    }
    guard header.isDCT else {
      let marker = String(header.marker, radix: 16, uppercase: true)
      throw CodecError(
        "\(codecName): the stream is lossless JPEG (SOF marker FF\(marker)), which this "
          + "transfer syntax does not allow; decode it as JPEG Lossless")
    }
    // Only consulted when the stream's own markers are silent about its colour space.
    let unmarkedIsRGB: Int32 = description.photometricInterpretation == "RGB" ? 1 : 0
    switch header.precision {
    case 8:
      return try ShimDecoding.decode(frame, as: description, codecName: codecName) {
        ccs_decode_jpeg8($0, $1, unmarkedIsRGB, $2, $3, $4, $5)
      }
    case 12:
      return try ShimDecoding.decode(frame, as: description, codecName: codecName) {
        ccs_decode_jpeg12($0, $1, unmarkedIsRGB, $2, $3, $4, $5)
      }
    default:
      throw CodecError(
        "\(codecName): JPEG sample precision \(header.precision) is not 8 or 12 bits")
    }
  }
}
