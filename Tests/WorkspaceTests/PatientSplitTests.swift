import Testing

@testable import Workspace

@Suite struct PatientSplitTests {
  let shares = try! PatientSplit.shares("80,10,10")

  @Test func sharesAreParsedAndChecked() throws {
    #expect(shares.map(\.name) == ["train", "val", "test"])
    #expect(try PatientSplit.shares("70, 30").map(\.percent) == [70, 30])
    #expect(throws: PatientSplit.Invalid.self) { try PatientSplit.shares("80,10") }
    #expect(throws: PatientSplit.Invalid.self) { try PatientSplit.shares("50,x,50") }
    #expect(throws: PatientSplit.Invalid.self) { try PatientSplit.shares("100") }
  }

  @Test func everyPatientLandsInExactlyOneSplitInProportion() {
    let patients = Dictionary(
      uniqueKeysWithValues: (0..<1000).map { ("P\($0)", Optional<String>.none) })
    let split = PatientSplit(patients: patients, shares: shares, seed: 1)
    #expect(split.assignment.count == 1000)
    #expect(split.patientCounts == [800, 100, 100])
  }

  @Test func sameSeedSameSplitOtherSeedOtherSplit() {
    let patients = Dictionary(
      uniqueKeysWithValues: (0..<50).map { ("P\($0)", Optional<String>.none) })
    let a = PatientSplit(patients: patients, shares: shares, seed: 7)
    #expect(a == PatientSplit(patients: patients, shares: shares, seed: 7))
    #expect(a.assignment != PatientSplit(patients: patients, shares: shares, seed: 8).assignment)
  }

  @Test func addingAPatientMovesNoOneElse() {
    var patients = Dictionary(
      uniqueKeysWithValues: (0..<100).map { ("P\($0)", Optional<String>.none) })
    let before = PatientSplit(
      patients: patients, shares: try! PatientSplit.shares("50,50"), seed: 3)
    patients["P100"] = .some(nil)
    let after = PatientSplit(patients: patients, shares: try! PatientSplit.shares("50,50"), seed: 3)
    let moved = before.assignment.keys.filter { before.assignment[$0] != after.assignment[$0] }
    #expect(moved.count <= 1)
  }

  @Test func rareLabelsReachEverySplit() {
    var patients: [String: String?] = [:]
    for index in 0..<80 { patients["N\(index)"] = .some(nil) }
    for index in 0..<10 { patients["H\(index)"] = "hemorrhage" }
    let split = PatientSplit(patients: patients, shares: shares, seed: 11)
    let hemorrhageSplits = (0..<10).map { split.assignment["H\($0)"]! }
    #expect(hemorrhageSplits.filter { $0 == 0 }.count == 8)
    #expect(hemorrhageSplits.filter { $0 == 1 }.count == 1)
    #expect(hemorrhageSplits.filter { $0 == 2 }.count == 1)
  }

  @Test func tinyStrataArePooledSoBothSidesGetPatients() {
    let patients: [String: String?] = ["A": "hemorrhage", "B": nil]
    let split = PatientSplit(patients: patients, shares: try! PatientSplit.shares("50,50"), seed: 1)
    #expect(split.patientCounts == [1, 1])
  }
}
