import Foundation

/// Image Orientation (Patient): the direction cosines of the first row and the first column.
public struct ImageOrientation: Sendable, Hashable, CustomStringConvertible {
  /// Direction of increasing column index along a row.
  public var row: PatientVector
  /// Direction of increasing row index down a column.
  public var column: PatientVector

  public init(row: PatientVector, column: PatientVector) {
    self.row = row
    self.column = column
  }

  /// The six values of (0020,0037); nil when fewer than six or the vectors are degenerate.
  public init?(values: [Double]) {
    guard values.count >= 6, let row = PatientVector(values: Array(values[0..<3])),
      let column = PatientVector(values: Array(values[3..<6])),
      row.cross(column).normalized != nil
    else { return nil }
    self.init(row: row, column: column)
  }

  /// The slice normal, row × column, normalised: positions projected on it order the slices.
  public var normal: PatientVector {
    row.cross(column).normalized ?? PatientVector(0, 0, 1)
  }

  /// The largest difference between corresponding direction cosines.
  public func largestCosineDifference(to other: ImageOrientation) -> Double {
    let differences = [
      row.x - other.row.x, row.y - other.row.y, row.z - other.row.z,
      column.x - other.column.x, column.y - other.column.y, column.z - other.column.z,
    ]
    return differences.map(abs).max() ?? 0
  }

  /// The largest angle between corresponding row, column and normal directions, in degrees.
  public func angleDegrees(to other: ImageOrientation) -> Double {
    let pairs = [(row, other.row), (column, other.column), (normal, other.normal)]
    return pairs.compactMap { pair -> Double? in
      guard let a = pair.0.normalized, let b = pair.1.normalized else { return nil }
      return acos(max(-1, min(1, a.dot(b)))) * 180 / .pi
    }.max() ?? 0
  }

  /// The anatomical plane the slice normal is closest to, "oblique" when no axis dominates.
  public var planeName: String {
    let normal = normal
    let components = [abs(normal.x), abs(normal.y), abs(normal.z)]
    let largest = components.max() ?? 0
    // cos 30°: within 30° of an axis still reads as that plane, as viewers label it.
    guard largest >= 0.866 else { return "oblique" }
    switch components.firstIndex(of: largest) {
    case 0: return "sagittal"
    case 1: return "coronal"
    default: return "axial"
    }
  }

  public var description: String {
    [row.x, row.y, row.z, column.x, column.y, column.z].map(compactCosine).joined(separator: "\\")
  }
}

/// A direction cosine rounded to four decimals without trailing zeros (stable in identifiers).
func compactCosine(_ value: Double) -> String {
  var text = String(format: "%.4f", value)
  while text.contains("."), text.hasSuffix("0") { text.removeLast() }
  if text.hasSuffix(".") { text.removeLast() }
  return text == "-0" ? "0" : text
}
