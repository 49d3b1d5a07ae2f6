import DICOM

/// The library-backed decoders this module provides, keyed by transfer syntax UID.
public enum CodecRegistry {
  /// Every transfer syntax this module decodes, each with its decoder.
  public static func decoders() -> [(transferSyntaxUID: String, decoder: any PixelDecoder)] {
    let jpeg2000 = JPEG2000Decoder()
    let jpegLS = JPEGLSDecoder()
    return [
      ("1.2.840.10008.1.2.4.50", JPEGBaselineDecoder()),
      ("1.2.840.10008.1.2.4.51", JPEGExtendedDecoder()),
      ("1.2.840.10008.1.2.4.80", jpegLS),
      ("1.2.840.10008.1.2.4.81", jpegLS),
      ("1.2.840.10008.1.2.4.90", jpeg2000),
      ("1.2.840.10008.1.2.4.91", jpeg2000),
      ("1.2.840.10008.1.2.4.201", jpeg2000),
      ("1.2.840.10008.1.2.4.202", jpeg2000),
      ("1.2.840.10008.1.2.4.203", jpeg2000),
    ]
  }
}

extension PixelDecoderRegistry {
  /// Every decoder annotty has: the Swift ones in DICOM and the library-backed ones here.
  public static var standard: PixelDecoderRegistry {
    var registry = PixelDecoderRegistry.builtIn
    for (uid, decoder) in CodecRegistry.decoders() { registry.register(decoder, for: uid) }
    return registry
  }
}
