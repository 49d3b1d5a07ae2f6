import DICOM
import Foundation
import SampleData
import Testing

@Suite struct SyntheticStudyTests {
  @Test func generationIsDeterministic() throws {
    let first = try GeneratedStudy.all()
    let second = try SyntheticStudy.files()
    #expect(first.map(\.relativePath) == second.map(\.relativePath))
    #expect(first.count == 65)
    for (a, b) in zip(first, second) {
      #expect(a.bytes == b.bytes, "\(a.relativePath) differs between runs")
    }
  }

  @Test func pathsAreRelativeAndUnique() throws {
    let paths = try GeneratedStudy.all().map(\.relativePath)
    #expect(Set(paths).count == paths.count)
    #expect(paths.allSatisfy { !$0.hasPrefix("/") && !$0.contains("..") })
    #expect(paths.first == "PHANTOM-0001/CT_HEAD/IM0001.dcm")
    #expect(paths.last == "PHANTOM-0002/MR_T2_ENHANCED/IM0001.dcm")
  }

  @Test func everyFileReadsCleanlyAndDecodes() throws {
    for (path, file) in try GeneratedStudy.ct() {
      #expect(file.warnings.isEmpty, "\(path): \(file.warnings)")
      let frame = try file.pixelFrame(0)
      guard case .int16(let samples) = frame.samples else {
        Issue.record("\(path): expected int16 samples, got \(frame.samples)")
        continue
      }
      #expect(samples.count == 512 * 512)
    }
    let mr = try GeneratedStudy.mr()
    #expect(mr.warnings.isEmpty)
    for index in 0..<24 {
      let frame = try mr.pixelFrame(index)
      guard case .uint16(let samples) = frame.samples else {
        Issue.record("MR frame \(index): expected uint16 samples")
        continue
      }
      #expect(samples.count == 256 * 256)
    }
  }

  @Test func noPatientInformationBeyondThePhantomNames() throws {
    let ct = try GeneratedStudy.ct()
    let mr = try GeneratedStudy.mr()
    #expect(Set(ct.map { $0.file.dataSet.string(.patientName) }) == ["Phantom^Head"])
    #expect(Set(ct.map { $0.file.dataSet.string(.patientID) }) == ["PHANTOM-0001"])
    #expect(mr.dataSet.string(.patientName) == "Phantom^MR")
    #expect(mr.dataSet.string(.patientID) == "PHANTOM-0002")
    #expect(mr.dataSet.string(Tag(0x0010_0030)) == nil)  // no birth date
    #expect(mr.dataSet.string(Tag(0x0008_0020)) == "20260101")
  }

  @Test func uidsAreValidAndDistinct() throws {
    let ct = try GeneratedStudy.ct().map(\.file)
    let mr = try GeneratedStudy.mr()
    let instances =
      ct.compactMap { $0.dataSet.string(.sopInstanceUID) }
      + [mr.dataSet.string(.sopInstanceUID)].compactMap { $0 }
    #expect(Set(instances).count == 65)
    #expect(Set(ct.compactMap { $0.dataSet.string(.seriesInstanceUID) }).count == 1)
    #expect(ct[0].dataSet.string(.studyInstanceUID) != mr.dataSet.string(.studyInstanceUID))
    let uids =
      instances
      + [ct[0], mr].flatMap {
        [$0.dataSet.string(.studyInstanceUID), $0.dataSet.string(.seriesInstanceUID)]
          .compactMap { $0 }
      }
    for uid in uids {
      #expect(uid.hasPrefix("2.25."))
      #expect(uid.count <= 64)
      let components = uid.split(separator: ".", omittingEmptySubsequences: false)
      #expect(
        components.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) && !$0.hasPrefix("0") },
        "\(uid) is not a valid UID")
    }
  }
}
