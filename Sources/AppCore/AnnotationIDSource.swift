import Annotations

/// Seeded source of annotation ids, kept in the state so `reduce` stays a pure function.
///
/// The shell seeds it from the system generator; tests seed it with a constant.
public struct AnnotationIDSource: Sendable, Equatable, RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  /// SplitMix64: tiny, fast and well mixed, which is all ids need (they are not secrets).
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A new version 4 UUID string.
  public mutating func makeID() -> String {
    Annotation.makeID(using: &self)
  }
}
