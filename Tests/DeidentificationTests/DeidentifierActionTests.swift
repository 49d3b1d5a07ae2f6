import DICOM
import Deidentification
import Testing

@Suite struct DeidentifierActionTests {
  private func item(_ build: (inout WritableDataSet) -> Void) -> WritableDataSet {
    var item = WritableDataSet()
    build(&item)
    return item
  }

  @Test func everyActionKindIsApplied() throws {
    var input = TestData.patient()
    input.set(Tag(0x0040_A123), .PN, "Smith^John")  // D
    input.set(Tag(0x0008_0050), .SH, "ACC123")  // Z
    input.set(Tag(0x0010_1010), .AS, "054Y")  // X
    input.set(Tag(0x0008_0023), .DA, "20240316")  // Z/D
    input.set(Tag(0x0008_0022), .DA, "20240316")  // X/Z
    input.set(Tag(0x0018_1030), .LO, "Head for Dr Who")  // X/D
    input.set(Tag(0x0008_1010), .SH, "CT-ROOM-7")  // X/Z/D
    input.setSequence(
      Tag(0x0008_1140),  // X/Z/U*
      [
        item {
          $0.set(Tag(0x0008_1150), .UI, TestData.ctImageStorage)
          $0.set(Tag(0x0008_1155), .UI, "1.2.3.4.5.6.7.2")
        }
      ])
    input.setSequence(Tag(0x0040_0275), [item { $0.set(Tag(0x0040_1001), .SH, "RP1") }])  // X

    let output = try TestData.deidentifiedFile(input).dataSet

    #expect(output.string(Tag(0x0040_A123)) == "ANONYMIZED")
    #expect(output[Tag(0x0008_0050)]?.length == 0)
    #expect(output[Tag(0x0010_1010)] == nil)
    #expect(output.string(Tag(0x0008_0023)) == "19000101")
    #expect(output[Tag(0x0008_0022)]?.length == 0)
    #expect(output.string(Tag(0x0018_1030)) == "ANONYMIZED")
    #expect(output.string(Tag(0x0008_1010)) == "ANONYMIZED")
    #expect(output[Tag(0x0040_0275)] == nil)
    let reference = try #require(output.sequence(Tag(0x0008_1140))?.first)
    #expect(reference.string(Tag(0x0008_1150)) == TestData.ctImageStorage)
    #expect(
      reference.string(Tag(0x0008_1155))
        == TestData.key.replacementUID(for: "1.2.3.4.5.6.7.2"))
    #expect(output.string(.studyInstanceUID) == TestData.key.replacementUID(for: "1.2.3.4.5.6"))
    #expect(output[Tag(0x0010_0030)]?.length == 0)
    #expect(output[Tag(0x0008_0020)]?.length == 0)
    #expect(output.string(.modality) == "CT")
    #expect(output.string(.manufacturer) == "ACME Medical")
  }

  @Test func nestedSequencesAreCleanedAtEveryDepth() throws {
    var input = TestData.patient()
    let inner = item {
      $0.set(Tag(0x0008_0090), .PN, "Referrer^Deep")  // Z
      $0.set(Tag(0x0008_1155), .UI, "1.2.3.4.5.6.7.3")  // U
      $0.set(Tag(0x0010_1000), .LO, "OTHER-ID")  // X
      $0.set(Tag(0x0009_0010), .LO, "ACME PRIVATE")
      $0.set(Tag(0x0009_1001), .LO, "secret")
    }
    let middle = item {
      $0.set(Tag(0x0008_0050), .SH, "ACC-MID")
      $0.setSequence(Tag(0x0008_1199), [inner])
    }
    input.setSequence(Tag(0x0008_2218), [middle])  // Anatomic Region Sequence: not in the table

    let output = try TestData.deidentifiedFile(input).dataSet

    let cleanedMiddle = try #require(output.sequence(Tag(0x0008_2218))?.first)
    #expect(cleanedMiddle[Tag(0x0008_0050)]?.length == 0)
    let cleanedInner = try #require(cleanedMiddle.sequence(Tag(0x0008_1199))?.first)
    #expect(cleanedInner[Tag(0x0008_0090)]?.length == 0)
    #expect(
      cleanedInner.string(Tag(0x0008_1155))
        == TestData.key.replacementUID(for: "1.2.3.4.5.6.7.3"))
    #expect(cleanedInner[Tag(0x0010_1000)] == nil)
    #expect(cleanedInner[Tag(0x0009_0010)] == nil)
    #expect(cleanedInner[Tag(0x0009_1001)] == nil)
  }

  @Test func uidStoredUnderVRUNIsStillReplaced() throws {
    var input = TestData.patient()
    input.setSequence(
      Tag(0x0008_1140),
      [item { $0.set(Tag(0x0008_1155), .UN, bytes: Array("1.2.3.4.5.6.7.2\0".utf8)) }])

    let output = try TestData.deidentifiedFile(input).dataSet

    let reference = try #require(output.sequence(Tag(0x0008_1140))?.first)
    #expect(reference[Tag(0x0008_1155)]?.vr == .UI)
    #expect(
      reference.string(Tag(0x0008_1155))
        == TestData.key.replacementUID(for: "1.2.3.4.5.6.7.2"))
  }

  @Test func privateElementsAndCreatorsAreRemoved() throws {
    var input = TestData.patient()
    input.set(Tag(0x0029_0010), .LO, "SIEMENS CSA HEADER")
    input.set(Tag(0x0029_1010), .OB, bytes: [1, 2, 3, 4])
    input.set(Tag(0x0011_0010), .LO, "ACME")
    input.set(Tag(0x0011_1001), .PN, "Doe^Jane")

    let input2 = try TestData.roundTrip(input)
    let result = try Deidentifier(key: TestData.key).deidentify(input2)

    #expect(result.dataSet.elements.allSatisfy { $0.tag.group & 1 == 0 })
    #expect(result.report.privateElementsRemoved == 4)
  }

  @Test func overlayGroupsAndCurvesAreRemovedWhole() throws {
    var input = TestData.patient()
    input.setUInt16(Tag(0x6000_0010), [8])
    input.set(Tag(0x6000_3000), .OW, bytes: [0xFF, 0xFF])
    input.set(Tag(0x6002_4000), .LT, "overlay comment naming someone")
    input.set(Tag(0x5000_0005), .US, bytes: [1, 0])

    let output = try TestData.deidentifiedFile(input).dataSet

    #expect(output.elements.allSatisfy { $0.tag.group & 0xFF00 != 0x6000 })
    #expect(output.elements.allSatisfy { $0.tag.group & 0xFF00 != 0x5000 })
  }

  @Test func freeTextInsideContentSequenceIsReplaced() throws {
    var input = TestData.patient()
    input.setSequence(
      Tag(0x0040_A730),
      [
        item {
          $0.set(Tag(0x0040_A040), .CS, "TEXT")
          $0.set(Tag(0x0040_A160), .UT, "Patient Jane Doe seen by Dr Who")
        }
      ])

    let output = try TestData.deidentifiedFile(input).dataSet

    let content = try #require(output.sequence(Tag(0x0040_A730))?.first)
    #expect(content.string(Tag(0x0040_A040)) == "TEXT")
    #expect(content.string(Tag(0x0040_A160)) == "ANONYMIZED")
  }

  @Test func markersNameTheProfileOptionsAndEdition() throws {
    let output = try TestData.deidentifiedFile(TestData.patient()).dataSet

    #expect(output.string(Tag(0x0012_0062)) == "YES")
    let method = output.strings(Tag(0x0012_0063))
    #expect(method.first?.contains("2026c") == true)
    #expect(method.contains("Basic Application Confidentiality Profile"))
    let codes = try #require(output.sequence(Tag(0x0012_0064)))
    #expect(codes.map { $0.string(Tag(0x0008_0100)) } == ["113100"])
    #expect(codes.allSatisfy { $0.string(Tag(0x0008_0102)) == "DCM" })
    #expect(output.string(Tag(0x0028_0303)) == "REMOVED")

    let longitudinal = try TestData.deidentifiedFile(
      TestData.patient(), options: .init(retainLongitudinalModifiedDates: true)
    ).dataSet
    let optionCodes = try #require(longitudinal.sequence(Tag(0x0012_0064)))
    #expect(optionCodes.map { $0.string(Tag(0x0008_0100)) } == ["113100", "113107"])
    #expect(longitudinal.string(Tag(0x0028_0303)) == "MODIFIED")
  }

  @Test func reportCountsActionsAndListsKeptText() throws {
    var input = TestData.patient()
    input.set(Tag(0x0008_1090), .LO, "Scanner 3000")
    let result = try Deidentifier(key: TestData.key).deidentify(try TestData.roundTrip(input))

    #expect(result.report.actionCounts[.uid] == 4)
    #expect(result.report.pseudonymsApplied == 2)
    #expect(result.report.keptTextElements[Tag(0x0008_1090)] == 1)
  }
}
