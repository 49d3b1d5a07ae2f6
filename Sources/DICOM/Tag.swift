/// A data element tag: group and element packed as `group << 16 | element`.
public struct Tag: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: UInt32

  public init(rawValue: UInt32) { self.rawValue = rawValue }
  public init(_ rawValue: UInt32) { self.rawValue = rawValue }
  public init(group: UInt16, element: UInt16) {
    rawValue = UInt32(group) << 16 | UInt32(element)
  }

  public var group: UInt16 { UInt16(truncatingIfNeeded: rawValue >> 16) }
  public var element: UInt16 { UInt16(truncatingIfNeeded: rawValue) }
  public var isPrivate: Bool { group & 1 == 1 && group > 0x0008 }
  /// A private creator element, (gggg,0010) to (gggg,00FF) in an odd group.
  public var isPrivateCreator: Bool { isPrivate && (0x0010...0x00FF).contains(element) }
  public var isGroupLength: Bool { element == 0 }

  public static func < (lhs: Tag, rhs: Tag) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `(0010,0010)`, as the standard and dcmdump write tags.
  public var description: String {
    "(\(hex4(group)),\(hex4(element)))"
  }
}

func hex4(_ value: UInt16) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: 4 - digits.count) + digits
}

extension Tag {
  public static let item = Tag(0xFFFE_E000)
  public static let itemDelimitation = Tag(0xFFFE_E00D)
  public static let sequenceDelimitation = Tag(0xFFFE_E0DD)

  public static let fileMetaInformationGroupLength = Tag(0x0002_0000)
  public static let mediaStorageSOPClassUID = Tag(0x0002_0002)
  public static let mediaStorageSOPInstanceUID = Tag(0x0002_0003)
  public static let transferSyntaxUID = Tag(0x0002_0010)

  public static let specificCharacterSet = Tag(0x0008_0005)
  public static let imageType = Tag(0x0008_0008)
  public static let sopClassUID = Tag(0x0008_0016)
  public static let sopInstanceUID = Tag(0x0008_0018)
  public static let modality = Tag(0x0008_0060)
  public static let manufacturer = Tag(0x0008_0070)
  public static let studyDescription = Tag(0x0008_1030)
  public static let seriesDescription = Tag(0x0008_103E)
  public static let patientName = Tag(0x0010_0010)
  public static let patientID = Tag(0x0010_0020)
  public static let sliceThickness = Tag(0x0018_0050)
  public static let studyInstanceUID = Tag(0x0020_000D)
  public static let seriesInstanceUID = Tag(0x0020_000E)
  public static let instanceNumber = Tag(0x0020_0013)
  public static let imagePositionPatient = Tag(0x0020_0032)
  public static let imageOrientationPatient = Tag(0x0020_0037)

  public static let samplesPerPixel = Tag(0x0028_0002)
  public static let photometricInterpretation = Tag(0x0028_0004)
  public static let planarConfiguration = Tag(0x0028_0006)
  public static let numberOfFrames = Tag(0x0028_0008)
  public static let rows = Tag(0x0028_0010)
  public static let columns = Tag(0x0028_0011)
  public static let pixelSpacing = Tag(0x0028_0030)
  public static let pixelAspectRatio = Tag(0x0028_0034)
  public static let imagerPixelSpacing = Tag(0x0018_1164)
  public static let bitsAllocated = Tag(0x0028_0100)
  public static let bitsStored = Tag(0x0028_0101)
  public static let highBit = Tag(0x0028_0102)
  public static let pixelRepresentation = Tag(0x0028_0103)
  public static let pixelPaddingValue = Tag(0x0028_0120)
  public static let pixelPaddingRangeLimit = Tag(0x0028_0121)
  public static let windowCenter = Tag(0x0028_1050)
  public static let windowWidth = Tag(0x0028_1051)
  public static let rescaleIntercept = Tag(0x0028_1052)
  public static let rescaleSlope = Tag(0x0028_1053)
  public static let rescaleType = Tag(0x0028_1054)
  public static let windowCenterWidthExplanation = Tag(0x0028_1055)
  public static let voiLUTFunction = Tag(0x0028_1056)
  public static let redPaletteDescriptor = Tag(0x0028_1101)
  public static let greenPaletteDescriptor = Tag(0x0028_1102)
  public static let bluePaletteDescriptor = Tag(0x0028_1103)
  public static let redPaletteData = Tag(0x0028_1201)
  public static let greenPaletteData = Tag(0x0028_1202)
  public static let bluePaletteData = Tag(0x0028_1203)
  public static let segmentedRedPaletteData = Tag(0x0028_1221)
  public static let segmentedGreenPaletteData = Tag(0x0028_1222)
  public static let segmentedBluePaletteData = Tag(0x0028_1223)
  public static let modalityLUTSequence = Tag(0x0028_3000)
  public static let lutDescriptor = Tag(0x0028_3002)
  public static let lutData = Tag(0x0028_3006)
  public static let voiLUTSequence = Tag(0x0028_3010)
  public static let presentationLUTShape = Tag(0x2050_0020)
  public static let sharedFunctionalGroupsSequence = Tag(0x5200_9229)
  public static let perFrameFunctionalGroupsSequence = Tag(0x5200_9230)
  public static let pixelValueTransformationSequence = Tag(0x0028_9145)
  public static let frameVOILUTSequence = Tag(0x0028_9132)
  public static let planePositionSequence = Tag(0x0020_9113)
  public static let planeOrientationSequence = Tag(0x0020_9116)
  public static let pixelMeasuresSequence = Tag(0x0028_9110)

  public static let extendedOffsetTable = Tag(0x7FE0_0001)
  public static let extendedOffsetTableLengths = Tag(0x7FE0_0002)
  public static let floatPixelData = Tag(0x7FE0_0008)
  public static let doubleFloatPixelData = Tag(0x7FE0_0009)
  public static let pixelData = Tag(0x7FE0_0010)
}
