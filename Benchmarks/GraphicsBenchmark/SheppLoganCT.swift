import DICOM
import Foundation
import TestSupport

/// A modified Shepp-Logan head in Hounsfield units, blurred 3x3, with Gaussian noise before
/// windowing: the "realistic" frame of terminal-graphics.md section 10.
enum SheppLoganCT {
  /// Ellipses: center x, y, semi-axes a, b (fractions of the half-size), rotation in degrees,
  /// HU added inside.
  private static let ellipses: [(Double, Double, Double, Double, Double, Double)] = [
    (0, 0, 0.69, 0.92, 0, 1800),  // skull: air -1000 -> 800
    (0, -0.0184, 0.6624, 0.874, 0, -770),  // brain: 30
    (0.22, 0, 0.11, 0.31, -18, -25),  // ventricles: 5
    (-0.22, 0, 0.16, 0.41, 18, -25),
    (0, 0.35, 0.21, 0.25, 0, 15),
    (0, 0.1, 0.046, 0.046, 0, 15),
    (0, -0.1, 0.046, 0.046, 0, 15),
    (-0.08, -0.605, 0.046, 0.023, 0, 40),
    (0, -0.605, 0.023, 0.023, 0, 40),
    (0.06, -0.605, 0.023, 0.046, 0, 40),
  ]

  /// Stored values (HU + 1024, signed 16-bit) of a `size` x `size` slice.
  static func frame(size: Int, noiseHU: Double, seed: UInt64) -> PixelFrame {
    var hu = [Double](repeating: -1000, count: size * size)
    let half = Double(size) / 2
    for y in 0..<size {
      for x in 0..<size {
        let px = (Double(x) + 0.5 - half) / half
        let py = (half - Double(y) - 0.5) / half
        for (cx, cy, a, b, degrees, value) in ellipses {
          let angle = degrees * .pi / 180
          let dx = px - cx
          let dy = py - cy
          let u = dx * cos(angle) + dy * sin(angle)
          let v = -dx * sin(angle) + dy * cos(angle)
          if (u * u) / (a * a) + (v * v) / (b * b) <= 1 { hu[y * size + x] += value }
        }
      }
    }
    var blurred = hu
    for y in 1..<(size - 1) {
      for x in 1..<(size - 1) {
        var sum = 0.0
        for dy in -1...1 { for dx in -1...1 { sum += hu[(y + dy) * size + x + dx] } }
        blurred[y * size + x] = sum / 9
      }
    }
    var random = SeededGenerator(seed: seed)
    let stored = blurred.map { value -> Int16 in
      // Box-Muller: one normal sample per pixel is plenty for a benchmark image.
      let u1 = max(Double.random(in: 0..<1, using: &random), .leastNonzeroMagnitude)
      let u2 = Double.random(in: 0..<1, using: &random)
      let noise = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2) * noiseHU
      return Int16(clamping: Int((value + noise + 1024).rounded()))
    }
    return PixelFrame(
      rows: size, columns: size, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2",
      samples: .int16(stored))
  }
}
