/// UIDs under the UUID-derived root 2.25 (PS3.5 B.2), derived from names so every run agrees.
public enum DeterministicUID {
  /// `2.25.` followed by the decimal of a 128-bit hash of `name`: at most 44 characters.
  public static func make(_ name: String) -> String {
    let bytes = Array(name.utf8)
    let high = fnv1a(bytes, basis: 0xCBF2_9CE4_8422_2325)
    let low = fnv1a(bytes, basis: 0x6C62_272E_07BB_0142)
    return "2.25." + decimal(high: high, low: low)
  }

  private static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
    var hash = basis
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    // A final avalanche (SplitMix64's mixer) so short names that differ by one byte spread out.
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    return hash ^ (hash >> 31)
  }

  /// The decimal digits of the 128-bit number `high << 64 | low`, with no leading zeros.
  public static func decimal(high: UInt64, low: UInt64) -> String {
    var limbs: [UInt32] = [
      UInt32(truncatingIfNeeded: high >> 32), UInt32(truncatingIfNeeded: high),
      UInt32(truncatingIfNeeded: low >> 32), UInt32(truncatingIfNeeded: low),
    ]
    var digits: [UInt8] = []
    while limbs.contains(where: { $0 != 0 }) {
      var remainder: UInt64 = 0
      for index in limbs.indices {
        let current = remainder << 32 | UInt64(limbs[index])
        limbs[index] = UInt32(current / 10)
        remainder = current % 10
      }
      digits.append(UInt8(remainder) + 0x30)
    }
    if digits.isEmpty { return "0" }
    return String(decoding: digits.reversed(), as: UTF8.self)
  }
}
