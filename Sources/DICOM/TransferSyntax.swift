/// How a data set is encoded: VR explicitness, byte order, deflate, and pixel compression.
public struct TransferSyntax: Hashable, Sendable, CustomStringConvertible {
  public let uid: String
  public let name: String
  public let isExplicitVR: Bool
  public let isLittleEndian: Bool
  public let isDeflated: Bool
  public let isEncapsulated: Bool
  /// Whether pixel data are stored losslessly (false for lossy JPEG, J2K, near-lossless JPEG-LS).
  public let isLossless: Bool

  public var description: String { "\(name) (\(uid))" }

  init(
    _ uid: String, _ name: String, explicit: Bool = true, littleEndian: Bool = true,
    deflated: Bool = false, encapsulated: Bool = false, lossless: Bool = true
  ) {
    self.uid = uid
    self.name = name
    self.isExplicitVR = explicit
    self.isLittleEndian = littleEndian
    self.isDeflated = deflated
    self.isEncapsulated = encapsulated
    self.isLossless = lossless
  }

  public static let implicitVRLittleEndian = TransferSyntax(
    "1.2.840.10008.1.2", "Implicit VR Little Endian", explicit: false)
  public static let explicitVRLittleEndian = TransferSyntax(
    "1.2.840.10008.1.2.1", "Explicit VR Little Endian")
  public static let explicitVRBigEndian = TransferSyntax(
    "1.2.840.10008.1.2.2", "Explicit VR Big Endian", littleEndian: false)
  public static let deflatedExplicitVRLittleEndian = TransferSyntax(
    "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", deflated: true)
  public static let encapsulatedUncompressed = TransferSyntax(
    "1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian",
    encapsulated: true)
  public static let rleLossless = TransferSyntax(
    "1.2.840.10008.1.2.5", "RLE Lossless", encapsulated: true)
  public static let jpegBaseline = TransferSyntax(
    "1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", encapsulated: true, lossless: false)
  public static let jpegExtended = TransferSyntax(
    "1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", encapsulated: true,
    lossless: false)
  public static let jpegLossless = TransferSyntax(
    "1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", encapsulated: true)
  public static let jpegLosslessSV1 = TransferSyntax(
    "1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (SV1)",
    encapsulated: true)
  public static let jpegLSLossless = TransferSyntax(
    "1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", encapsulated: true)
  public static let jpegLSNearLossless = TransferSyntax(
    "1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless)", encapsulated: true,
    lossless: false)
  public static let jpeg2000Lossless = TransferSyntax(
    "1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)", encapsulated: true)
  public static let jpeg2000 = TransferSyntax(
    "1.2.840.10008.1.2.4.91", "JPEG 2000", encapsulated: true, lossless: false)
  public static let htj2kLossless = TransferSyntax(
    "1.2.840.10008.1.2.4.201", "HTJ2K (Lossless Only)", encapsulated: true)
  public static let htj2kLosslessRPCL = TransferSyntax(
    "1.2.840.10008.1.2.4.202", "HTJ2K with RPCL Options (Lossless Only)", encapsulated: true)
  public static let htj2k = TransferSyntax(
    "1.2.840.10008.1.2.4.203", "HTJ2K", encapsulated: true, lossless: false)
  public static let deflatedImageFrame = TransferSyntax(
    "1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", encapsulated: true)
  public static let jpegXLLossless = TransferSyntax(
    "1.2.840.10008.1.2.4.110", "JPEG XL Lossless", encapsulated: true)
  public static let jpegXLRecompression = TransferSyntax(
    "1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression", encapsulated: true,
    lossless: false)
  public static let jpegXL = TransferSyntax(
    "1.2.840.10008.1.2.4.112", "JPEG XL", encapsulated: true, lossless: false)
  public static let mpeg2 = TransferSyntax(
    "1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", encapsulated: true,
    lossless: false)
  public static let mpeg4 = TransferSyntax(
    "1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", encapsulated: true,
    lossless: false)
  public static let hevc = TransferSyntax(
    "1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", encapsulated: true,
    lossless: false)

  /// Every transfer syntax annotty can name (decodable or not).
  public static let known: [TransferSyntax] = [
    .implicitVRLittleEndian, .explicitVRLittleEndian, .explicitVRBigEndian,
    .deflatedExplicitVRLittleEndian, .encapsulatedUncompressed, .rleLossless, .jpegBaseline,
    .jpegExtended, .jpegLossless, .jpegLosslessSV1, .jpegLSLossless, .jpegLSNearLossless,
    .jpeg2000Lossless, .jpeg2000, .htj2kLossless, .htj2kLosslessRPCL, .htj2k, .deflatedImageFrame,
    .jpegXLLossless, .jpegXLRecompression, .jpegXL, .mpeg2, .mpeg4, .hevc,
  ]

  /// The transfer syntax with this UID; unknown UIDs are taken as encapsulated Explicit VR LE
  /// (PS3.5 section 10: every non-retired compressed syntax uses that encoding for the data set).
  public static func named(_ uid: String) -> TransferSyntax {
    if let match = known.first(where: { $0.uid == uid }) { return match }
    return TransferSyntax(uid, "Unknown transfer syntax", encapsulated: true, lossless: false)
  }

  public var isKnown: Bool { Self.known.contains(where: { $0.uid == uid }) }
  public var isJPEG2000: Bool {
    [Self.jpeg2000Lossless, .jpeg2000, .htj2kLossless, .htj2kLosslessRPCL, .htj2k].contains(self)
  }
  public var isJPEGLS: Bool { self == .jpegLSLossless || self == .jpegLSNearLossless }
}
