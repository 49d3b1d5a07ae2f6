import DICOM
import Deidentification
import Foundation
import Testing

@Suite struct KeyedReplacementTests {
  @Test func sameKeyGivesTheSameUIDsAcrossFiles() throws {
    let first = try TestData.deidentifiedFile(TestData.patient(instance: 1))
    let second = try TestData.deidentifiedFile(TestData.patient(instance: 2))

    for tag in [Tag.studyInstanceUID, .seriesInstanceUID, Tag(0x0020_0052)] {
      #expect(first.dataSet.string(tag) == second.dataSet.string(tag))
      #expect(first.dataSet.string(tag)?.hasPrefix("2.25.") == true)
    }
    #expect(first.dataSet.string(.sopInstanceUID) != second.dataSet.string(.sopInstanceUID))
    #expect(first.meta.string(.mediaStorageSOPInstanceUID) == first.dataSet.string(.sopInstanceUID))
    #expect(first.dataSet.string(.sopClassUID) == TestData.ctImageStorage)
    #expect(first.meta.string(.transferSyntaxUID) == TransferSyntax.explicitVRLittleEndian.uid)
  }

  @Test func anotherKeyGivesOtherUIDs() throws {
    let first = try TestData.deidentifiedFile(TestData.patient())
    let other = try TestData.deidentifiedFile(TestData.patient(), key: TestData.otherKey)

    #expect(first.dataSet.string(.studyInstanceUID) != other.dataSet.string(.studyInstanceUID))
    #expect(first.dataSet.string(.patientID) != other.dataSet.string(.patientID))
  }

  /// Expected values computed apart from this code, with Python's hmac and base64 modules.
  @Test func keyedValuesMatchAnIndependentHMACComputation() {
    #expect(
      TestData.key.replacementUID(for: "1.2.3.4.5.6")
        == "2.25.142704665952186754866664256436928674897")
    #expect(TestData.key.pseudonym(forPatientID: "PAT-001") == "ANON-NLYPBS2UQ6")
  }

  @Test func replacementUIDsAreValid() {
    for uid in ["1.2.3", "1.2.840.113619.2.55.3.604688119.971.1234567890.123", ""] {
      let replaced = TestData.key.replacementUID(for: uid)
      #expect(replaced.count <= 64)
      #expect(replaced.allSatisfy { $0.isNumber || $0 == "." })
      let components = replaced.split(separator: ".", omittingEmptySubsequences: false)
      #expect(components.allSatisfy { !$0.isEmpty && ($0 == "0" || !$0.hasPrefix("0")) })
    }
  }

  @Test func pseudonymIsStablePerPatientAndDistinctBetweenPatients() throws {
    let first = try TestData.deidentifiedFile(TestData.patient(id: "PAT-001", instance: 1))
    let again = try TestData.deidentifiedFile(TestData.patient(id: "PAT-001", instance: 2))
    let other = try TestData.deidentifiedFile(TestData.patient(id: "PAT-002", instance: 3))

    let pseudonym = try #require(first.dataSet.string(.patientID))
    #expect(pseudonym.hasPrefix("ANON-") && pseudonym.count == 15)
    #expect(pseudonym.dropFirst(5).allSatisfy { $0.isUppercase || ("2"..."7").contains($0) })
    #expect(first.dataSet.string(.patientName) == pseudonym)
    #expect(again.dataSet.string(.patientID) == pseudonym)
    #expect(other.dataSet.string(.patientID) != pseudonym)
  }

  @Test func modifiedDatesKeepIntervalsWithinAPatient() throws {
    let options = DeidentificationOptions(retainLongitudinalModifiedDates: true)
    var baseline = TestData.patient(studyDate: "20240315", instance: 1)
    baseline.set(Tag(0x0008_0023), .DA, "20240316")
    baseline.set(Tag(0x0008_002A), .DT, "20240316083000.5+0100")
    let followUp = TestData.patient(studyDate: "20250101", instance: 2)

    let first = try TestData.deidentifiedFile(baseline, options: options).dataSet
    let second = try TestData.deidentifiedFile(followUp, options: options).dataSet

    let shiftedStudy = try #require(first.string(Tag(0x0008_0020)))
    let shiftedContent = try #require(first.string(Tag(0x0008_0023)))
    let shiftedFollowUp = try #require(second.string(Tag(0x0008_0020)))
    #expect(shiftedStudy != "20240315")
    #expect(try days(from: shiftedStudy, to: shiftedContent) == 1)
    #expect(try days(from: shiftedStudy, to: shiftedFollowUp) == 292)
    #expect(first.string(Tag(0x0008_002A)) == shiftedContent + "083000.5+0100")
    #expect(first.string(Tag(0x0008_0030)) == "101500")
    #expect(first[Tag(0x0010_0030)]?.length == 0)
  }

  private func days(from start: String, to end: String) throws -> Int {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyyMMdd"
    formatter.timeZone = TimeZone(identifier: "UTC")
    let startDate = try #require(formatter.date(from: start))
    let endDate = try #require(formatter.date(from: end))
    return Int((endDate.timeIntervalSince(startDate) / 86_400).rounded())
  }
}
