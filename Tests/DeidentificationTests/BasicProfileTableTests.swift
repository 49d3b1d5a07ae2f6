import DICOM
import Testing

@testable import Deidentification

@Suite struct BasicProfileTableTests {
  @Test func tableHasTheGeneratedRowCountAndEdition() {
    #expect(BasicProfile.rowCount == BasicProfileTable.rowCount)
    #expect(BasicProfile.rowCount > 600)
    #expect(BasicProfile.edition == "2026c")
  }

  @Test func keyAttributesHaveTheStandardsActions() {
    #expect(BasicProfile.action(for: .patientName) == .zero)
    #expect(BasicProfile.action(for: .patientID) == .zeroOrDummy)
    #expect(BasicProfile.action(for: .sopInstanceUID) == .uid)
    #expect(BasicProfile.action(for: Tag(0x0010_1010)) == .remove)
    #expect(BasicProfile.action(for: Tag(0x0008_1140)) == .removeOrZeroOrUIDs)
    #expect(BasicProfile.action(for: .sopClassUID) == nil)
    #expect(BasicProfile.action(for: .transferSyntaxUID) == nil)
    #expect(BasicProfile.action(for: .modality) == nil)
  }

  @Test func repeatingGroupPatternsMatchEveryGroupOfTheRange() {
    #expect(BasicProfile.action(for: Tag(0x6000_3000)) == .remove)
    #expect(BasicProfile.action(for: Tag(0x601E_3000)) == .remove)
    #expect(BasicProfile.action(for: Tag(0x6002_4000)) == .remove)
    #expect(BasicProfile.action(for: Tag(0x5012_0114)) == .remove)
    #expect(BasicProfile.action(for: Tag(0x6000_0010)) == nil)
  }

  @Test func compositeActionsResolveToAConformantChoice() {
    #expect(DataSetCleaner.resolve(.zeroOrDummy, isSequence: false) == .dummy)
    #expect(DataSetCleaner.resolve(.removeOrZero, isSequence: false) == .zero)
    #expect(DataSetCleaner.resolve(.removeOrDummy, isSequence: true) == .remove)
    #expect(DataSetCleaner.resolve(.removeOrZeroOrDummy, isSequence: true) == .zero)
    #expect(DataSetCleaner.resolve(.removeOrZeroOrUIDs, isSequence: true) == .removeOrZeroOrUIDs)
  }
}
