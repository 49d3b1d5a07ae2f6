/// The decoders available for encapsulated transfer syntaxes, keyed by transfer syntax UID.
public struct PixelDecoderRegistry: Sendable {
  private var decoders: [String: any PixelDecoder] = [:]

  public init() {}

  /// The decoders written in Swift inside this module: RLE, JPEG lossless, encapsulated
  /// uncompressed and deflated frames.
  public static var builtIn: PixelDecoderRegistry {
    var registry = PixelDecoderRegistry()
    registry.register(RLELosslessDecoder(), for: TransferSyntax.rleLossless.uid)
    registry.register(JPEGLosslessDecoder(), for: TransferSyntax.jpegLossless.uid)
    registry.register(JPEGLosslessDecoder(), for: TransferSyntax.jpegLosslessSV1.uid)
    registry.register(UncompressedFrameDecoder(), for: TransferSyntax.encapsulatedUncompressed.uid)
    registry.register(DeflatedFrameDecoder(), for: TransferSyntax.deflatedImageFrame.uid)
    return registry
  }

  public mutating func register(_ decoder: any PixelDecoder, for transferSyntaxUID: String) {
    decoders[transferSyntaxUID] = decoder
  }

  public func decoder(for transferSyntaxUID: String) -> (any PixelDecoder)? {
    decoders[transferSyntaxUID]
  }
}

/// Encapsulated Uncompressed Explicit VR Little Endian: each fragment is a native frame.
struct UncompressedFrameDecoder: PixelDecoder {
  func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    try nativeSamples(frame, description: description, what: "an uncompressed frame")
  }
}

/// Deflated Image Frame Compression: each frame is a raw-deflated native frame.
struct DeflatedFrameDecoder: PixelDecoder {
  func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    let inflated: [UInt8]
    do {
      inflated = [UInt8](try Inflate.raw(.init(frame), from: 0))
    } catch {
      throw CodecError("a deflated frame could not be inflated: \(error)")
    }
    return try nativeSamples(inflated, description: description, what: "a deflated frame")
  }
}

private func nativeSamples(
  _ bytes: [UInt8], description: FrameDescription, what: String
) throws(CodecError) -> DecodedSamples {
  guard description.bitsAllocated % 8 == 0 else {
    throw CodecError("\(what) with Bits Allocated \(description.bitsAllocated) is not supported")
  }
  let bytesPerSample = description.bitsAllocated / 8
  let expected =
    description.rows * description.columns * description.samplesPerPixel * bytesPerSample
  guard bytes.count >= expected else {
    throw CodecError("\(what) holds \(bytes.count) bytes but \(expected) are needed")
  }
  var samples = Array(bytes.prefix(expected))
  if description.planarConfiguration == 1 && description.samplesPerPixel > 1 {
    samples = NativePixels.interleave(
      samples, planes: description.samplesPerPixel, bytesPerSample: bytesPerSample)
  }
  return DecodedSamples(
    columns: description.columns, rows: description.rows,
    samplesPerPixel: description.samplesPerPixel, precision: description.bitsStored,
    isSigned: description.pixelRepresentation == 1, bytesPerSample: bytesPerSample,
    bytes: samples)
}
