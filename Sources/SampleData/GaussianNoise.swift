import Foundation

/// Seeded Gaussian noise, drawn from a precomputed table so a 16-megapixel study stays fast.
struct GaussianNoise: Sendable {
  private static let tableSize = 4096
  private let table: [Int32]

  /// `sigma` in output units; the table is the same for the same seed on every run and machine.
  init(sigma: Double, seed: UInt64) {
    var state = seed
    var values: [Int32] = []
    values.reserveCapacity(Self.tableSize)
    while values.count < Self.tableSize {
      // Box-Muller on two uniforms in (0, 1].
      let u1 = (Double(Self.splitMix(&state) >> 11) + 1) / 9_007_199_254_740_992
      let u2 = Double(Self.splitMix(&state) >> 11) / 9_007_199_254_740_992
      let radius = (-2 * log(u1)).squareRoot() * sigma
      values.append(Int32((radius * cos(2 * Double.pi * u2)).rounded()))
      values.append(Int32((radius * sin(2 * Double.pi * u2)).rounded()))
    }
    table = values
  }

  /// Maps each label through `lookup`, adds noise, clamps, and stores little-endian 16-bit words.
  ///
  /// `stream` picks the table entries (xorshift32), so each slice gets its own noise.
  func render(
    labels: [UInt8], lookup: [Int32], range: ClosedRange<Int32>, stream: UInt32,
    into bytes: inout [UInt8]
  ) {
    var state = stream == 0 ? 0x9E37_79B9 : stream
    let mask = UInt32(Self.tableSize - 1)
    let low = range.lowerBound
    let high = range.upperBound
    if bytes.count != labels.count * 2 {
      bytes = [UInt8](repeating: 0, count: labels.count * 2)
    }
    table.withUnsafeBufferPointer { noise in
      lookup.withUnsafeBufferPointer { values in
        labels.withUnsafeBufferPointer { source in
          bytes.withUnsafeMutableBytes { target in
            for index in 0..<source.count {
              state ^= state << 13
              state ^= state >> 17
              state ^= state << 5
              let value = values[Int(source[index])] + noise[Int(state & mask)]
              let clamped = min(max(value, low), high)
              target.storeBytes(
                of: UInt16(truncatingIfNeeded: clamped).littleEndian, toByteOffset: index * 2,
                as: UInt16.self)
            }
          }
        }
      }
    }
  }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
