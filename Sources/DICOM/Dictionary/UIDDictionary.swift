/// What a registered DICOM UID identifies (the "UID Type" column of PS3.6 table A-1).
public enum UIDType: String, Sendable, CaseIterable {
  case sopClass = "SOP Class"
  case metaSOPClass = "Meta SOP Class"
  case transferSyntax = "Transfer Syntax"
  case serviceClass = "Service Class"
  case wellKnownSOPInstance = "Well-known SOP Instance"
  case wellKnownFrameOfReference = "Well-known frame of reference"
  case synchronizationFrameOfReference = "Synchronization Frame of Reference"
  case codingScheme = "Coding Scheme"
  case dicomUIDsAsCodingScheme = "DICOM UIDs as a Coding Scheme"
  case mappingResource = "Mapping Resource"
  case ldapOID = "LDAP OID"
  case applicationContextName = "Application Context Name"
  case applicationHostingModel = "Application Hosting Model"
}

/// One UID of the DICOM UID registry (PS3.6 table A-1).
public struct UIDEntry: Sendable, Equatable {
  /// The UID itself, e.g. "1.2.840.10008.1.2.1".
  public var uid: String
  /// The registry name, e.g. "Explicit VR Little Endian"; empty for a few retired UIDs.
  public var name: String
  /// What the UID identifies.
  public var type: UIDType
  /// The PS3.6 keyword, e.g. "ExplicitVRLittleEndian"; empty for a few retired UIDs.
  public var keyword: String
  /// Whether PS3.6 marks the UID retired.
  public var isRetired: Bool

  /// Makes an entry; the generated table calls this with every field spelled out.
  public init(uid: String, name: String, type: UIDType, keyword: String, isRetired: Bool) {
    self.uid = uid
    self.name = name
    self.type = type
    self.keyword = keyword
    self.isRetired = isRetired
  }
}

/// The DICOM UID registry (PS3.6 table A-1), compiled in as static data.
public enum UIDDictionary {
  /// Every registered UID, sorted by UID string.
  public static var allEntries: [UIDEntry] { entries }

  /// The registry entry for `uid`, ignoring the trailing NUL or space padding of UI values.
  public static func entry(for uid: String) -> UIDEntry? {
    let trimmed = trimmingPadding(uid)
    let position = entries.firstIndex(notBefore: { $0.uid < trimmed })
    guard position < entries.endIndex, entries[position].uid == trimmed else { return nil }
    return entries[position]
  }

  private static func trimmingPadding(_ uid: String) -> String {
    var scalars = Substring(uid).unicodeScalars
    while let last = scalars.last, last == "\0" || last == " " {
      scalars.removeLast()
    }
    return String(scalars)
  }
}
