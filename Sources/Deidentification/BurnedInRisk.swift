import DICOM

/// Whether an image is likely to carry identifying text in its pixels, and why.
public struct BurnedInRisk: Sendable, Equatable {
  /// True when the image should be reviewed or redacted before it leaves the machine.
  public var isFlagged: Bool { !reasons.isEmpty }
  /// Each reason in words a user can act on.
  public var reasons: [String]

  public init(reasons: [String]) {
    self.reasons = reasons
  }

  /// Secondary Capture Image Storage and its multi-frame variants (PS3.4 B.5).
  static let secondaryCaptureClasses: Set<String> = [
    "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.7.1", "1.2.840.10008.5.1.4.1.1.7.2",
    "1.2.840.10008.5.1.4.1.1.7.3", "1.2.840.10008.5.1.4.1.1.7.4",
  ]

  /// Flags Burned In Annotation = YES, ultrasound, and secondary captures.
  public static func assess(_ dataSet: DataSet) -> BurnedInRisk {
    var reasons: [String] = []
    if dataSet.string(Tag(0x0028_0301))?.uppercased() == "YES" {
      reasons.append("Burned In Annotation (0028,0301) is YES")
    }
    if dataSet.string(.modality)?.uppercased() == "US" {
      reasons.append("ultrasound (modality US) usually has text burned into the pixels")
    }
    if let sopClass = dataSet.string(.sopClassUID), secondaryCaptureClasses.contains(sopClass) {
      reasons.append("secondary capture images are often screenshots with text in the pixels")
    }
    return BurnedInRisk(reasons: reasons)
  }
}
