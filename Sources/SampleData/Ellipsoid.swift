import Foundation

/// A solid ellipsoid in patient coordinates (mm), optionally turned about the z axis.
struct Ellipsoid: Sendable {
  var center: (x: Double, y: Double, z: Double)
  var semiAxes: (a: Double, b: Double, c: Double)
  /// Rotation about z, in degrees, counter-clockwise seen from +z.
  var angle: Double = 0
  var tissue: Tissue

  /// The columns of one image row (at patient `y`, slice `z`) whose pixel centres lie inside.
  ///
  /// Solving the ellipsoid's quadratic along the row gives the span directly, so painting
  /// a slice costs one fill per row and ellipsoid instead of a test per pixel.
  func columns(y: Double, z: Double, grid: SliceGrid) -> ClosedRange<Int>? {
    let w = (z - center.z) / semiAxes.c
    guard abs(w) < 1 else { return nil }
    let radians = angle * Double.pi / 180
    let cosine = cos(radians)
    let sine = sin(radians)
    let inverseA2 = 1 / (semiAxes.a * semiAxes.a)
    let inverseB2 = 1 / (semiAxes.b * semiAxes.b)
    let dy = y - center.y
    let quadratic = cosine * cosine * inverseA2 + sine * sine * inverseB2
    let linear = 2 * cosine * sine * dy * (inverseA2 - inverseB2)
    let constant = dy * dy * (sine * sine * inverseA2 + cosine * cosine * inverseB2) + w * w - 1
    let discriminant = linear * linear - 4 * quadratic * constant
    guard discriminant > 0 else { return nil }
    let root = discriminant.squareRoot()
    let left = center.x + (-linear - root) / (2 * quadratic)
    let right = center.x + (-linear + root) / (2 * quadratic)
    let first = max(0, Int(((left - grid.originX) / grid.spacing).rounded(.up)))
    let last = min(grid.columns - 1, Int(((right - grid.originX) / grid.spacing).rounded(.down)))
    return first <= last ? first...last : nil
  }
}

/// Where the pixel centres of an axial slice lie: square pixels, rows along +y, columns along +x.
struct SliceGrid: Sendable {
  var rows: Int
  var columns: Int
  var spacing: Double
  /// Patient x and y of the centre of the top-left pixel.
  var originX: Double
  var originY: Double

  /// A grid centred on the patient z axis.
  static func centred(size: Int, spacing: Double) -> SliceGrid {
    let origin = -Double(size) * spacing / 2 + spacing / 2
    return SliceGrid(rows: size, columns: size, spacing: spacing, originX: origin, originY: origin)
  }

  func y(row: Int) -> Double { originY + Double(row) * spacing }
}
