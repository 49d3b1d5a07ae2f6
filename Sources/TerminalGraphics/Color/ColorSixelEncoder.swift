import CSixel
import Imaging

/// Sixel for color images (RGB, palette color) through libsixel's median-cut quantizer.
public enum ColorSixelEncoder {
  /// Why libsixel refused an image.
  public struct Failure: Error, CustomStringConvertible, Equatable {
    public var description: String
  }

  /// The complete DCS sequence for `image` with at most `colors` registers (2...256).
  public static func encode(_ image: RGBImage, colors: Int = 256) throws(Failure) -> [UInt8] {
    guard image.isConsistent, image.width > 0, image.height > 0 else {
      throw Failure(description: "an empty or inconsistent image (\(image.width)x\(image.height))")
    }
    let sink = ByteSink()
    var pixels = image.pixels
    let status = pixels.withUnsafeMutableBufferPointer { buffer -> SIXELSTATUS in
      var dither: OpaquePointer?
      var output: OpaquePointer?
      var status = sixel_dither_new(&dither, Int32(min(max(colors, 2), 256)), nil)
      guard succeeded(status), let dither else { return status }
      defer { sixel_dither_unref(dither) }
      status = sixel_dither_initialize(
        dither, buffer.baseAddress, Int32(image.width), Int32(image.height),
        SIXEL_PIXELFORMAT_RGB888, SIXEL_LARGE_AUTO, SIXEL_REP_AUTO, SIXEL_QUALITY_AUTO)
      guard succeeded(status) else { return status }
      let context = Unmanaged.passUnretained(sink).toOpaque()
      status = sixel_output_new(&output, collectSixelBytes, context, nil)
      guard succeeded(status), let output else { return status }
      defer { sixel_output_unref(output) }
      sixel_output_set_encode_policy(output, SIXEL_ENCODEPOLICY_SIZE)
      return sixel_encode(
        buffer.baseAddress, Int32(image.width), Int32(image.height), 3, dither, output)
    }
    guard succeeded(status) else {
      let message = sixel_helper_format_error(status).map { String(cString: $0) } ?? "unknown"
      throw Failure(description: "libsixel: \(message)")
    }
    return sink.bytes
  }
}

/// libsixel's SIXEL_SUCCEEDED, a function-like macro Swift cannot import.
private func succeeded(_ status: SIXELSTATUS) -> Bool { status & 0x1000 == 0 }

/// Collects what libsixel writes; a class so the C callback can reach it through a pointer.
private final class ByteSink {
  var bytes: [UInt8] = []
}

private func collectSixelBytes(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int32, _ context: UnsafeMutableRawPointer?
) -> Int32 {
  guard let data, let context, size > 0 else { return 0 }
  let sink = Unmanaged<ByteSink>.fromOpaque(context).takeUnretainedValue()
  data.withMemoryRebound(to: UInt8.self, capacity: Int(size)) {
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(size)))
  }
  return size
}
