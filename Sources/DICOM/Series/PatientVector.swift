import Foundation

/// A point or direction in the patient coordinate system (LPS, millimetres), PS3.3 C.7.6.2.1.1.
public struct PatientVector: Sendable, Hashable, CustomStringConvertible {
  public var x: Double
  public var y: Double
  public var z: Double

  public init(_ x: Double, _ y: Double, _ z: Double) {
    self.x = x
    self.y = y
    self.z = z
  }

  /// The first three values, nil when there are fewer or any is not finite.
  public init?(values: [Double]) {
    guard values.count >= 3, values.prefix(3).allSatisfy(\.isFinite) else { return nil }
    self.init(values[0], values[1], values[2])
  }

  /// Component-wise sum.
  public static func + (lhs: PatientVector, rhs: PatientVector) -> PatientVector {
    PatientVector(lhs.x + rhs.x, lhs.y + rhs.y, lhs.z + rhs.z)
  }

  /// Component-wise difference.
  public static func - (lhs: PatientVector, rhs: PatientVector) -> PatientVector {
    PatientVector(lhs.x - rhs.x, lhs.y - rhs.y, lhs.z - rhs.z)
  }

  /// The vector scaled by a number.
  public static func * (scale: Double, vector: PatientVector) -> PatientVector {
    PatientVector(scale * vector.x, scale * vector.y, scale * vector.z)
  }

  /// The scalar product: the projection used to order slices along a normal.
  public func dot(_ other: PatientVector) -> Double {
    x * other.x + y * other.y + z * other.z
  }

  /// The vector product, perpendicular to both.
  public func cross(_ other: PatientVector) -> PatientVector {
    PatientVector(
      y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x)
  }

  public var length: Double { dot(self).squareRoot() }

  /// The unit vector in this direction, nil for a (near) zero vector.
  public var normalized: PatientVector? {
    let length = length
    guard length > 1e-9, length.isFinite else { return nil }
    return (1 / length) * self
  }

  /// The angle to `other` in degrees, ignoring sign (0...90), so opposite directions count as equal.
  public func unsignedAngleDegrees(to other: PatientVector) -> Double? {
    guard let a = normalized, let b = other.normalized else { return nil }
    let cosine = min(1, abs(a.dot(b)))
    return acos(cosine) * 180 / .pi
  }

  public var description: String {
    "(\(formatNumber(x)), \(formatNumber(y)), \(formatNumber(z)))"
  }
}

/// A number with at most two decimals and no trailing zeros, as people read positions and gaps.
func formatNumber(_ value: Double) -> String {
  var text = String(format: "%.2f", value)
  while text.contains("."), text.hasSuffix("0") { text.removeLast() }
  if text.hasSuffix(".") { text.removeLast() }
  return text == "-0" ? "0" : text
}
