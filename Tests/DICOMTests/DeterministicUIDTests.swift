import DICOM
import Testing

@Suite struct DeterministicUIDTests {
  @Test func decimalOfLargest128BitNumber() {
    #expect(
      DeterministicUID.decimal(high: .max, low: .max) == "340282366920938463463374607431768211455")
    #expect(DeterministicUID.decimal(high: 0, low: 0) == "0")
    #expect(DeterministicUID.decimal(high: 0, low: 1_000) == "1000")
    #expect(DeterministicUID.decimal(high: 1, low: 0) == "18446744073709551616")
  }

  @Test func sameNameSameUIDAndNamesDiffer() {
    #expect(DeterministicUID.make("a") == DeterministicUID.make("a"))
    let uids = (1...1000).map { DeterministicUID.make("annotty-sample/x/\($0)") }
    #expect(Set(uids).count == 1000)
    #expect(uids.allSatisfy { $0.count <= 44 && $0.hasPrefix("2.25.") })
  }
}
