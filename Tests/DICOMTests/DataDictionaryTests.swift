import Testing

@testable import DICOM

@Suite struct DataDictionaryTests {
  // Printed by Scripts/generate-dictionary for pydicom 3.0.2: "5091 exact entries (5085 with a
  // keyword), 88 repeating-group entries". Update these when the tables are regenerated.
  static let pydicomExactEntryCount = 5091
  static let pydicomKeywordCount = 5085
  static let pydicomRepeatingEntryCount = 88

  @Test func entryCountsMatchPydicom() {
    #expect(DataDictionary.allEntries.count == Self.pydicomExactEntryCount)
    #expect(DataDictionary.keywordOrder.count == Self.pydicomKeywordCount)
    #expect(DataDictionary.repeatingEntries.count == Self.pydicomRepeatingEntryCount)
  }

  @Test func exactEntriesAreStrictlySortedByTag() {
    let tags = DataDictionary.allEntries.map(\.tag)
    #expect(zip(tags, tags.dropFirst()).allSatisfy { $0 < $1 })
  }

  @Test func patientNameIsPN() {
    let entry = DataDictionary.entry(for: 0x0010_0010)
    #expect(entry?.keyword == "PatientName")
    #expect(entry?.name == "Patient's Name")
    #expect(entry?.vr == .PN)
    #expect(entry?.alternativeVRs == [])
    #expect(entry?.vm == "1")
    #expect(entry?.isRetired == false)
    #expect(entry?.isAmbiguous == false)
  }

  @Test func pixelDataIsOBOrOW() {
    let entry = DataDictionary.entry(for: 0x7FE0_0010)
    #expect(entry?.keyword == "PixelData")
    #expect(entry?.allowedVRs == [.OB, .OW])
    #expect(entry?.isAmbiguous == true)
  }

  @Test func ambiguousPixelValueVRsListEveryChoice() {
    #expect(DataDictionary.entry(for: 0x0028_0106)?.keyword == "SmallestImagePixelValue")
    #expect(DataDictionary.entry(for: 0x0028_0106)?.allowedVRs == [.US, .SS])
    #expect(DataDictionary.entry(for: 0x0028_0107)?.allowedVRs == [.US, .SS])
    #expect(DataDictionary.entry(for: 0x0028_0120)?.keyword == "PixelPaddingValue")
    #expect(DataDictionary.entry(for: 0x0028_0120)?.allowedVRs == [.US, .SS])
    #expect(DataDictionary.entry(for: 0x0028_3006)?.keyword == "LUTData")
    #expect(DataDictionary.entry(for: 0x0028_3006)?.allowedVRs == [.US, .OW])
    #expect(DataDictionary.entry(for: 0x0028_1200)?.allowedVRs == [.US, .SS, .OW])
  }

  @Test func itemsAndDelimitersHaveNoRealVR() {
    for (tag, keyword) in [
      (UInt32(0xFFFE_E000), "Item"), (0xFFFE_E00D, "ItemDelimitationItem"),
      (0xFFFE_E0DD, "SequenceDelimitationItem"),
    ] {
      let entry = DataDictionary.entry(for: tag)
      #expect(entry?.keyword == keyword)
      #expect(entry?.vr == .UN)
      #expect(entry?.alternativeVRs == [])
      #expect(entry?.isItemOrDelimiter == true)
    }
    #expect(DataDictionary.entry(for: 0x7FE0_0010)?.isItemOrDelimiter == false)
  }

  @Test func overlayDataIsFoundThroughItsRepeatingGroup() {
    for group: UInt32 in [0x6000, 0x6002, 0x601E] {
      let entry = DataDictionary.entry(for: group << 16 | 0x3000)
      #expect(entry?.keyword == "OverlayData")
      #expect(entry?.tag == group << 16 | 0x3000)
      #expect(entry?.allowedVRs == [.OB, .OW])
      #expect(entry?.isRetired == false)
    }
    #expect(DataDictionary.entry(for: 0x6000_0010)?.keyword == "OverlayRows")
    #expect(DataDictionary.entry(for: 0x5002_3000)?.keyword == "CurveData")
    #expect(DataDictionary.entry(for: 0x7F00_0010)?.keyword == "VariablePixelData")
  }

  @Test func otherRepeatingMasksMatchTheirFamilies() {
    #expect(DataDictionary.entry(for: 0x1000_0010)?.keyword == "EscapeTriplet")
    #expect(DataDictionary.entry(for: 0x1000_0015)?.keyword == "ShiftTableTriplet")
    #expect(DataDictionary.entry(for: 0x1010_1234)?.keyword == "ZonalMap")
    #expect(DataDictionary.entry(for: 0x0020_3105)?.keyword == "SourceImageIDs")
    #expect(DataDictionary.entry(for: 0x0028_0410)?.keyword == "RowsForNthOrderCoefficients")
    // An exact entry wins over a family that would also match: (0028,0400) is Transform Label.
    #expect(DataDictionary.entry(for: 0x0028_0400)?.keyword == "TransformLabel")
  }

  @Test func oddGroupsArePrivateNotRepeatingFamilies() {
    let creator = DataDictionary.entry(for: 0x6001_0010)
    #expect(creator?.keyword == "PrivateCreator")
    #expect(DataDictionary.entry(for: 0x6001_3000) == nil)
  }

  @Test func privateCreatorIsLO() {
    let entry = DataDictionary.entry(for: 0x0009_0010)
    #expect(entry?.keyword == "PrivateCreator")
    #expect(entry?.tag == 0x0009_0010)
    #expect(entry?.vr == .LO)
    #expect(entry?.vm == "1")
    #expect(DataDictionary.entry(for: 0x0029_00FF)?.keyword == "PrivateCreator")
    // Private data elements and the reserved (gggg,0001-000F) range have no entry.
    #expect(DataDictionary.entry(for: 0x0009_1001) == nil)
    #expect(DataDictionary.entry(for: 0x0009_0100) == nil)
    #expect(DataDictionary.entry(for: 0x0009_0005) == nil)
    // Odd groups 0001-0007 and FFFF are not private (PS3.5 7.8.1).
    #expect(DataDictionary.entry(for: 0x0001_0010) == nil)
    #expect(DataDictionary.entry(for: 0xFFFF_0010) == nil)
  }

  @Test func groupLengthIsUL() {
    let generic = DataDictionary.entry(for: 0x0008_0000)
    #expect(generic?.keyword == "GroupLength")
    #expect(generic?.tag == 0x0008_0000)
    #expect(generic?.vr == .UL)
    #expect(DataDictionary.entry(for: 0x0009_0000)?.keyword == "GroupLength")
    #expect(DataDictionary.entry(for: 0x6000_0000)?.keyword == "GroupLength")
    // Groups 0000 and 0002 have their own PS3.6 entries.
    #expect(DataDictionary.entry(for: 0x0002_0000)?.keyword == "FileMetaInformationGroupLength")
    #expect(DataDictionary.entry(for: 0x0000_0000)?.keyword == "CommandGroupLength")
  }

  @Test func unknownTagsHaveNoEntry() {
    #expect(DataDictionary.entry(for: 0x0008_0002) == nil)
    #expect(DataDictionary.entry(for: 0x0008_002F) == nil)
    #expect(DataDictionary.entry(for: 0xFFFE_E001) == nil)
    #expect(DataDictionary.entry(for: 0xFFFF_FFFF) == nil)
    #expect(DataDictionary.entry(for: 0x6000_3001) == nil)
  }

  @Test func everyKeywordRoundTrips() {
    var checked = 0
    for entry in DataDictionary.allEntries where !entry.keyword.isEmpty {
      #expect(DataDictionary.tag(forKeyword: entry.keyword) == entry.tag, "\(entry.keyword)")
      #expect(DataDictionary.entry(for: entry.tag) == entry)
      checked += 1
    }
    #expect(checked == Self.pydicomKeywordCount)
  }

  @Test func repeatingKeywordsGiveTheFirstGroupsTag() {
    #expect(DataDictionary.tag(forKeyword: "OverlayData") == 0x6000_3000)
    #expect(DataDictionary.tag(forKeyword: "CurveData") == 0x5000_3000)
    #expect(DataDictionary.tag(forKeyword: "RowsForNthOrderCoefficients") == 0x0028_0410)
    for family in DataDictionary.repeatingEntries {
      let tag = DataDictionary.tag(forKeyword: family.entry.keyword)
      #expect(tag == family.entry.tag, "\(family.entry.keyword)")
      #expect(tag.map(family.matches) == true)
      #expect(tag.flatMap(DataDictionary.entry(for:)) == family.entry)
    }
  }

  @Test func unknownKeywordsHaveNoTag() {
    #expect(DataDictionary.tag(forKeyword: "") == nil)
    #expect(DataDictionary.tag(forKeyword: "patientname") == nil)
    #expect(DataDictionary.tag(forKeyword: "NoSuchKeyword") == nil)
    #expect(DataDictionary.tag(forKeyword: "GroupLength") == nil)
    #expect(DataDictionary.tag(forKeyword: "PrivateCreator") == nil)
    #expect(DataDictionary.tag(forKeyword: "ZZZZ") == nil)
  }
}
