import CCodecShims
import DICOM

/// A CCodecShims decode call: stream, its size, output limit, result, message buffer, capacity.
typealias ShimDecodeFunction = (
  UnsafePointer<UInt8>?, Int, Int, UnsafeMutablePointer<ccs_decoded_image>?,
  UnsafeMutablePointer<CChar>?, Int
) -> Int32

/// Calls a CCodecShims decode function and turns its result into `DecodedSamples`.
enum ShimDecoding {
  /// Runs `function` over `frame`, refusing output larger than the description allows.
  static func decode(
    _ frame: [UInt8], as description: FrameDescription, codecName: String,
    with function: ShimDecodeFunction
  ) throws(CodecError) -> DecodedSamples {
    let limit = try OutputLimit.bytes(for: description, codecName: codecName)
    var image = ccs_decoded_image()
    var message = [CChar](repeating: 0, count: 512)
    let status = frame.withUnsafeBufferPointer { input in
      message.withUnsafeMutableBufferPointer { text in
        function(input.baseAddress, input.count, limit, &image, text.baseAddress, text.count)
      }
    }
    defer { ccs_free_samples(&image) }
    guard status == CCS_OK else {
      let reason = String(
        decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      throw CodecError("\(codecName): \(reason.isEmpty ? "decoding failed" : reason)")
    }
    guard let samples = image.samples, image.sample_bytes > 0 else {
      throw CodecError("\(codecName): the library returned no samples")
    }
    let decoded = DecodedSamples(
      columns: Int(image.width), rows: Int(image.height),
      samplesPerPixel: Int(image.components), precision: Int(image.precision),
      isSigned: image.is_signed != 0, bytesPerSample: Int(image.bytes_per_sample),
      convertedToRGB: image.converted_to_rgb < 0 ? nil : image.converted_to_rgb != 0,
      bytes: Array(UnsafeBufferPointer(start: samples, count: image.sample_bytes)))
    try OutputLimit.check(decoded, against: description, codecName: codecName)
    return decoded
  }
}
