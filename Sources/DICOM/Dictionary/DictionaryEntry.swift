/// One attribute of the DICOM data dictionary (PS3.6 sections 6-8, PS3.7 command fields).
///
/// Ambiguous VRs ("US or SS", "OB or OW", "US or OW", "US or SS or OW") keep the first VR PS3.6
/// lists in `vr` and the others in `alternativeVRs`; the reader resolves them from Pixel
/// Representation / Bits Allocated (PS3.5 annex A.1). Items and delimiters (FFFE,E000),
/// (FFFE,E00D) and (FFFE,E0DD) have no VR in any encoding (PS3.6 lists "NONE"); they are given
/// `.UN` with no alternatives, and `isItemOrDelimiter` tells them apart.
public struct DictionaryEntry: Sendable, Equatable {
  /// The tag as `group << 16 | element`.
  public var tag: UInt32
  /// The VR an implicit VR reader uses (the first one PS3.6 lists).
  public var vr: VR
  /// The other VRs PS3.6 allows; empty unless the VR is ambiguous.
  public var alternativeVRs: [VR]
  /// Value multiplicity as PS3.6 writes it: "1", "1-n", "2-2n", ...
  public var vm: String
  /// The PS3.6 keyword, e.g. "PatientName"; empty for a few retired attributes without one.
  public var keyword: String
  /// The PS3.6 attribute name, e.g. "Patient's Name".
  public var name: String
  /// Whether PS3.6 marks the attribute retired.
  public var isRetired: Bool

  /// Makes an entry; the generated tables call this with every field spelled out.
  public init(
    tag: UInt32, vr: VR, alternativeVRs: [VR], vm: String, keyword: String, name: String,
    isRetired: Bool
  ) {
    self.tag = tag
    self.vr = vr
    self.alternativeVRs = alternativeVRs
    self.vm = vm
    self.keyword = keyword
    self.name = name
    self.isRetired = isRetired
  }

  /// The group number (high 16 bits of the tag).
  public var group: UInt16 { UInt16(truncatingIfNeeded: tag >> 16) }

  /// The element number (low 16 bits of the tag).
  public var element: UInt16 { UInt16(truncatingIfNeeded: tag) }

  /// Whether PS3.6 allows more than one VR, so the encoding or other attributes decide.
  public var isAmbiguous: Bool { !alternativeVRs.isEmpty }

  /// Every VR PS3.6 allows, `vr` first.
  public var allowedVRs: [VR] { [vr] + alternativeVRs }

  /// Whether this is an item or delimitation tag, which has no VR (PS3.5 7.5).
  public var isItemOrDelimiter: Bool { group == 0xFFFE }
}

/// A data dictionary entry that stands for a family of tags, such as (60xx,3000) Overlay Data.
struct RepeatingDictionaryEntry: Sendable {
  /// Bits of the tag that are fixed; the 'x' digits of the PS3.6 pattern are zero here.
  var mask: UInt32
  /// The fixed bits' required value.
  var value: UInt32
  /// The entry; its `tag` is the family's first tag that no exact entry shadows, e.g. (6000,3000)
  /// for (60xx,3000) but (0028,0410) for (0028,04x0), since (0028,0400) is Transform Label.
  var entry: DictionaryEntry

  /// Whether `tag` belongs to the family.
  func matches(_ tag: UInt32) -> Bool { tag & mask == value }
}
