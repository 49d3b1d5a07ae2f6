/// The standard DICOM data dictionary (PS3.6), compiled in as static data.
///
/// The tables live in the generated `DataDictionary+Entries.swift` (Scripts/generate-dictionary);
/// nothing is parsed at start-up.
public enum DataDictionary {
  /// Every exact-tag entry of PS3.6, sorted by tag (repeating-group families not included).
  public static var allEntries: [DictionaryEntry] { exactEntries }

  /// The entry for `tag`: an exact PS3.6 entry, else a repeating-group family (50xx, 60xx, 7Fxx,
  /// (0028,04x0), (1000,xxx0), ...), else a generic group length (gggg,0000) or private creator
  /// (odd gggg, 0010-00FF); nil for anything else, such as private data elements.
  ///
  /// Entries found through a family or the generic rules carry the `tag` asked for.
  public static func entry(for tag: UInt32) -> DictionaryEntry? {
    if let exact = exactEntry(for: tag) { return exact }
    let group = UInt16(truncatingIfNeeded: tag >> 16)
    let element = UInt16(truncatingIfNeeded: tag)
    // Every repeating family sits in even groups; odd groups are private, so (6001,0010) is a
    // private creator, not Overlay Rows.
    if group % 2 == 0, let family = repeatingEntries.first(where: { $0.matches(tag) }) {
      var entry = family.entry
      entry.tag = tag
      return entry
    }
    if element == 0x0000 {
      return DictionaryEntry(
        tag: tag, vr: .UL, alternativeVRs: [], vm: "1", keyword: "GroupLength",
        name: "Group Length", isRetired: true)
    }
    if isPrivateGroup(group), (0x0010...0x00FF).contains(element) {
      return DictionaryEntry(
        tag: tag, vr: .LO, alternativeVRs: [], vm: "1", keyword: "PrivateCreator",
        name: "Private Creator", isRetired: false)
    }
    return nil
  }

  /// The tag for a PS3.6 keyword such as "PatientName"; for a repeating family such as
  /// "OverlayData" its first tag, (6000,3000). Nil for unknown keywords and for the generic
  /// "GroupLength" and "PrivateCreator", which name no single tag.
  public static func tag(forKeyword keyword: String) -> UInt32? {
    let position = keywordOrder.firstIndex(notBefore: {
      exactEntries[Int($0)].keyword < keyword
    })
    if position < keywordOrder.endIndex {
      let candidate = exactEntries[Int(keywordOrder[position])]
      if candidate.keyword == keyword { return candidate.tag }
    }
    guard !keyword.isEmpty else { return nil }
    return repeatingEntries.first(where: { $0.entry.keyword == keyword })?.entry.tag
  }

  private static func exactEntry(for tag: UInt32) -> DictionaryEntry? {
    let position = exactEntries.firstIndex(notBefore: { $0.tag < tag })
    guard position < exactEntries.endIndex, exactEntries[position].tag == tag else { return nil }
    return exactEntries[position]
  }

  /// Odd groups are private except 0001, 0003, 0005, 0007 and FFFF (PS3.5 7.8.1).
  private static func isPrivateGroup(_ group: UInt16) -> Bool {
    group % 2 == 1 && group > 0x0007 && group != 0xFFFF
  }
}
