import Crypto
import Foundation

/// Assigns whole patients to train / validation / test splits: deterministic for a seed, never
/// one patient in two splits, and stratified by each patient's main label so rare findings land
/// in every split where there are enough patients.
public struct PatientSplit: Sendable, Equatable {
  /// Split names in order, with their share in percent (they add up to 100).
  public var names: [String]
  public var percentages: [Int]
  /// Patient ID to the index of its split in `names`.
  public var assignment: [String: Int]

  /// Why a split request is refused.
  public struct Invalid: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  /// Parses "80,10,10" (two or three shares adding up to 100) into named shares.
  public static func shares(_ text: String) throws(Invalid) -> [(name: String, percent: Int)] {
    let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard (2...3).contains(parts.count), parts.allSatisfy({ ($0 ?? -1) >= 0 }) else {
      throw Invalid(description: "--split takes two or three whole percentages, like 80,10,10")
    }
    let values = parts.compactMap { $0 }
    guard values.reduce(0, +) == 100 else {
      throw Invalid(
        description: "--split \(text): the shares add up to \(values.reduce(0, +)), not 100")
    }
    let names = values.count == 3 ? ["train", "val", "test"] : ["train", "test"]
    return Array(zip(names, values)).map { (name: $0.0, percent: $0.1) }
  }

  /// Splits `patients` (patient ID to its main label, nil when it has none) by `shares`.
  ///
  /// Within each label stratum (small ones pooled), patients are ordered by a keyed hash of seed and patient ID (so
  /// adding a patient moves no one else) and dealt out by largest remainder.
  public init(
    patients: [String: String?], shares: [(name: String, percent: Int)], seed: UInt64
  ) {
    names = shares.map(\.name)
    percentages = shares.map(\.percent)
    assignment = [:]
    // A stratum too small to give the smallest split one patient is pooled with the others,
    // so two patients split 50,50 still go one to each side.
    let smallest = max(shares.map(\.percent).filter { $0 > 0 }.min() ?? 100, 1)
    let labelled = Dictionary(grouping: patients.keys) { patients[$0] ?? nil }
    var strata: [String?: [String]] = [:]
    for (label, members) in labelled {
      let key = members.count * smallest >= 100 ? label : nil
      strata[key, default: []] += members
    }
    for key in strata.keys.sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
      let members = (strata[key] ?? []).sorted {
        Self.rank(patient: $0, seed: seed) < Self.rank(patient: $1, seed: seed)
      }
      let counts = Self.apportion(members.count, percentages)
      var start = 0
      for (split, count) in counts.enumerated() {
        for patient in members[start..<start + count] { assignment[patient] = split }
        start += count
      }
    }
  }

  /// How many patients each split holds.
  public var patientCounts: [Int] {
    var counts = [Int](repeating: 0, count: names.count)
    for split in assignment.values { counts[split] += 1 }
    return counts
  }

  /// A stable 64-bit rank: the first bytes of SHA-256 over seed and patient ID.
  static func rank(patient: String, seed: UInt64) -> UInt64 {
    let digest = SHA256.hash(data: Data("\(seed):\(patient)".utf8))
    return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// Largest-remainder apportionment of `total` items to `percentages`.
  static func apportion(_ total: Int, _ percentages: [Int]) -> [Int] {
    let exact = percentages.map { Double(total) * Double($0) / 100 }
    var counts = exact.map { Int($0.rounded(.down)) }
    let order = exact.indices.sorted {
      (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1)
    }
    for index in order.prefix(total - counts.reduce(0, +)) { counts[index] += 1 }
    return counts
  }
}
