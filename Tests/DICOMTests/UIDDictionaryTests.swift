import Testing

@testable import DICOM

@Suite struct UIDDictionaryTests {
  // Printed by Scripts/generate-dictionary for pydicom 3.0.2: "UID dictionary: 482 entries".
  static let pydicomUIDCount = 482

  @Test func entryCountMatchesPydicom() {
    #expect(UIDDictionary.allEntries.count == Self.pydicomUIDCount)
  }

  @Test func entriesAreStrictlySortedByUID() {
    let uids = UIDDictionary.allEntries.map(\.uid)
    #expect(zip(uids, uids.dropFirst()).allSatisfy { $0 < $1 })
  }

  @Test(arguments: [
    ("1.2.840.10008.1.2", "ImplicitVRLittleEndian", "Implicit VR Little Endian", false),
    ("1.2.840.10008.1.2.1", "ExplicitVRLittleEndian", "Explicit VR Little Endian", false),
    (
      "1.2.840.10008.1.2.1.99", "DeflatedExplicitVRLittleEndian",
      "Deflated Explicit VR Little Endian", false
    ),
    ("1.2.840.10008.1.2.2", "ExplicitVRBigEndian", "Explicit VR Big Endian", true),
    ("1.2.840.10008.1.2.4.50", "JPEGBaseline8Bit", "JPEG Baseline (Process 1)", false),
    ("1.2.840.10008.1.2.4.51", "JPEGExtended12Bit", "JPEG Extended (Process 2 and 4)", false),
    (
      "1.2.840.10008.1.2.4.57", "JPEGLossless", "JPEG Lossless, Non-Hierarchical (Process 14)",
      false
    ),
    (
      "1.2.840.10008.1.2.4.70", "JPEGLosslessSV1",
      "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
      false
    ),
    ("1.2.840.10008.1.2.4.80", "JPEGLSLossless", "JPEG-LS Lossless Image Compression", false),
    (
      "1.2.840.10008.1.2.4.81", "JPEGLSNearLossless",
      "JPEG-LS Lossy (Near-Lossless) Image Compression", false
    ),
    (
      "1.2.840.10008.1.2.4.90", "JPEG2000Lossless", "JPEG 2000 Image Compression (Lossless Only)",
      false
    ),
    ("1.2.840.10008.1.2.4.91", "JPEG2000", "JPEG 2000 Image Compression", false),
    (
      "1.2.840.10008.1.2.4.201", "HTJ2KLossless",
      "High-Throughput JPEG 2000 Image Compression (Lossless Only)", false
    ),
    ("1.2.840.10008.1.2.4.203", "HTJ2K", "High-Throughput JPEG 2000 Image Compression", false),
    ("1.2.840.10008.1.2.5", "RLELossless", "RLE Lossless", false),
  ])
  func commonTransferSyntaxesAreKnown(uid: String, keyword: String, name: String, retired: Bool) {
    let entry = UIDDictionary.entry(for: uid)
    #expect(entry?.uid == uid)
    #expect(entry?.keyword == keyword)
    #expect(entry?.name == name)
    #expect(entry?.type == .transferSyntax)
    #expect(entry?.isRetired == retired)
  }

  @Test func sopClassesAreKnown() {
    let entry = UIDDictionary.entry(for: "1.2.840.10008.5.1.4.1.1.2")
    #expect(entry?.keyword == "CTImageStorage")
    #expect(entry?.type == .sopClass)
  }

  @Test func paddedValuesAreFound() {
    #expect(UIDDictionary.entry(for: "1.2.840.10008.1.2\0")?.keyword == "ImplicitVRLittleEndian")
    #expect(UIDDictionary.entry(for: "1.2.840.10008.1.2.1 ")?.keyword == "ExplicitVRLittleEndian")
  }

  @Test func unknownUIDsHaveNoEntry() {
    #expect(UIDDictionary.entry(for: "") == nil)
    #expect(UIDDictionary.entry(for: "\0") == nil)
    #expect(UIDDictionary.entry(for: "1.2.3") == nil)
    #expect(UIDDictionary.entry(for: "1.2.840.10008.1.2.1.1") == nil)
    #expect(UIDDictionary.entry(for: "9.9") == nil)
  }

  @Test func everyUIDLooksItselfUp() {
    for entry in UIDDictionary.allEntries {
      #expect(UIDDictionary.entry(for: entry.uid) == entry)
    }
  }
}
