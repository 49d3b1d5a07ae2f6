import CCharLS
import DICOM

/// Decodes JPEG-LS frames (1.2.840.10008.1.2.4.80 lossless, .81 near-lossless) with CharLS.
///
/// JPEG-LS carries no sign, so `isSigned` is always false: the caller sign-extends from
/// BitsStored when PixelRepresentation is 1. Planar (ILV_NONE) colour output is interleaved.
public struct JPEGLSDecoder: PixelDecoder {
  public init() {}

  /// Decodes one frame; throws `CodecError` for corrupt, truncated or mismatched streams.
  public func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    let codecName = "JPEG-LS"
    let limit = try OutputLimit.bytes(for: description, codecName: codecName)
    guard !frame.isEmpty else { throw CodecError("\(codecName): empty stream") }
    guard let decoder = charls_jpegls_decoder_create() else {
      throw CodecError("\(codecName): CharLS could not create a decoder")
    }
    defer { charls_jpegls_decoder_destroy(decoder) }

    // CharLS keeps a pointer to the source, so every call stays inside this closure.
    let outcome = frame.withUnsafeBytes { source in
      Result { () throws(CodecError) in
        try decodeFrame(source, with: decoder, limit: limit)
      }
    }
    let decoded = try outcome.get()
    try OutputLimit.check(decoded, against: description, codecName: codecName)
    return decoded
  }

  private func decodeFrame(
    _ source: UnsafeRawBufferPointer, with decoder: OpaquePointer, limit: Int
  ) throws(CodecError) -> DecodedSamples {
    guard let sourceStart = source.baseAddress else { throw CodecError("JPEG-LS: empty stream") }
    try check(charls_jpegls_decoder_set_source_buffer(decoder, sourceStart, source.count))
    try check(charls_jpegls_decoder_read_header(decoder))
    var info = charls_frame_info()
    try check(charls_jpegls_decoder_get_frame_info(decoder, &info))
    var interleave = charls_interleave_mode(0)
    try check(charls_jpegls_decoder_get_interleave_mode(decoder, &interleave))

    let width = Int(info.width)
    let height = Int(info.height)
    let components = Int(info.component_count)
    let precision = Int(info.bits_per_sample)
    guard width > 0, height > 0, components > 0, (2...16).contains(precision) else {
      throw CodecError(
        "JPEG-LS: unusable frame \(width)x\(height), \(components) components, "
          + "\(precision) bits")
    }
    let bytesPerSample = precision <= 8 ? 1 : 2
    let (pixels, pixelsOverflow) = width.multipliedReportingOverflow(by: height)
    let (samples, samplesOverflow) = pixels.multipliedReportingOverflow(by: components)
    let (total, totalOverflow) = samples.multipliedReportingOverflow(by: bytesPerSample)
    guard !pixelsOverflow, !samplesOverflow, !totalOverflow, total <= limit else {
      throw CodecError("JPEG-LS: a \(width)x\(height) frame exceeds \(limit) bytes")
    }
    var size = 0
    try check(charls_jpegls_decoder_get_destination_size(decoder, 0, &size))
    guard size == total else {
      throw CodecError("JPEG-LS: CharLS wants \(size) bytes for a \(total)-byte frame")
    }

    var bytes = [UInt8](repeating: 0, count: total)
    let status = bytes.withUnsafeMutableBytes { destination in
      guard let start = destination.baseAddress else { return CHARLS_JPEGLS_ERRC_INVALID_ARGUMENT }
      return charls_jpegls_decoder_decode_to_buffer(decoder, start, total, 0)
    }
    try check(status)
    if bytesPerSample == 2 { bytes = Self.littleEndian(bytes) }
    if interleave == CHARLS_INTERLEAVE_MODE_NONE, components > 1 {
      bytes = Self.interleaving(
        planes: bytes, components: components, pixels: pixels, bytesPerSample: bytesPerSample)
    }
    return DecodedSamples(
      columns: width, rows: height, samplesPerPixel: components, precision: precision,
      isSigned: false, bytesPerSample: bytesPerSample, bytes: bytes)
  }

  private func check(_ status: charls_jpegls_errc) throws(CodecError) {
    guard status.rawValue != 0 else { return }
    let reason = charls_get_error_message(status).map { String(cString: $0) } ?? "unknown error"
    throw CodecError("JPEG-LS: \(reason) (CharLS error \(status.rawValue))")
  }

  /// CharLS writes 16-bit samples in host order; DecodedSamples are little-endian.
  private static func littleEndian(_ bytes: [UInt8]) -> [UInt8] {
    #if _endian(big)
      var swapped = bytes
      var index = 0
      while index + 1 < swapped.count {
        swapped.swapAt(index, index + 1)
        index += 2
      }
      return swapped
    #else
      return bytes
    #endif
  }

  /// Turns component planes (all of component 0, then 1, ...) into pixel-interleaved samples.
  static func interleaving(planes: [UInt8], components: Int, pixels: Int, bytesPerSample: Int)
    -> [UInt8]
  {
    var interleaved = [UInt8](repeating: 0, count: planes.count)
    planes.withUnsafeBufferPointer { source in
      interleaved.withUnsafeMutableBufferPointer { target in
        for component in 0..<components {
          let planeStart = component * pixels * bytesPerSample
          for pixel in 0..<pixels {
            let from = planeStart + pixel * bytesPerSample
            let to = (pixel * components + component) * bytesPerSample
            for byte in 0..<bytesPerSample { target[to + byte] = source[from + byte] }
          }
        }
      }
    }
    return interleaved
  }
}
