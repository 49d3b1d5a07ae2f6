/// Samples as a codec hands them back, before DICOM's own interpretation (masking, sign, color).
///
/// Samples are interleaved (all components of a pixel together, as pydicom's `pixel_array` gives
/// them), little-endian, `bytesPerSample` bytes each, row by row.
public struct DecodedSamples: Sendable, Equatable {
  public var columns: Int
  public var rows: Int
  public var samplesPerPixel: Int
  /// Bits of precision the codec reports (for example 12 for a 12-bit JPEG).
  public var precision: Int
  /// Whether the codec says the samples are signed (JPEG-LS cannot say; then false).
  public var isSigned: Bool
  /// 1, 2 or 4.
  public var bytesPerSample: Int
  /// Whether the codec converted YCbCr to RGB (JPEG baseline, J2K MCT); nil when not applicable.
  public var convertedToRGB: Bool?
  public var bytes: [UInt8]

  public init(
    columns: Int, rows: Int, samplesPerPixel: Int, precision: Int, isSigned: Bool,
    bytesPerSample: Int, convertedToRGB: Bool? = nil, bytes: [UInt8]
  ) {
    self.columns = columns
    self.rows = rows
    self.samplesPerPixel = samplesPerPixel
    self.precision = precision
    self.isSigned = isSigned
    self.bytesPerSample = bytesPerSample
    self.convertedToRGB = convertedToRGB
    self.bytes = bytes
  }
}

/// What the data set says about a frame, handed to a codec so it can check and size its output.
public struct FrameDescription: Sendable, Equatable {
  public var rows: Int
  public var columns: Int
  public var samplesPerPixel: Int
  public var bitsAllocated: Int
  public var bitsStored: Int
  /// 0 unsigned, 1 two's complement.
  public var pixelRepresentation: Int
  public var photometricInterpretation: String
  public var planarConfiguration: Int

  public init(
    rows: Int, columns: Int, samplesPerPixel: Int, bitsAllocated: Int, bitsStored: Int,
    pixelRepresentation: Int, photometricInterpretation: String, planarConfiguration: Int
  ) {
    self.rows = rows
    self.columns = columns
    self.samplesPerPixel = samplesPerPixel
    self.bitsAllocated = bitsAllocated
    self.bitsStored = bitsStored
    self.pixelRepresentation = pixelRepresentation
    self.photometricInterpretation = photometricInterpretation
    self.planarConfiguration = planarConfiguration
  }
}

/// A codec failed on a frame; the message says what the stream got wrong.
public struct CodecError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// Decodes one compressed frame (all of its fragments joined) of one transfer syntax family.
public protocol PixelDecoder: Sendable {
  func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
}
