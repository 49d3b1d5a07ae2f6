/// Tissue classes of the head phantom; each series maps them to its own intensities.
enum Tissue: UInt8, CaseIterable, Sendable {
  case air, scalp, bone, grayMatter, whiteMatter, csf, hemorrhage, infarct
}

/// A 3-D modified Shepp-Logan head: nested ellipsoids painted in order, later ones on top.
///
/// Patient coordinates in mm (LPS), head centred on the origin, so axial slices cut the
/// skull, brain and ventricles differently at each z.
enum HeadPhantom {
  static let ellipsoids: [Ellipsoid] = [
    Ellipsoid(center: (0, 0, 0), semiAxes: (74, 94, 88), tissue: .scalp),
    Ellipsoid(center: (0, 0, 0), semiAxes: (70, 90, 84), tissue: .bone),
    Ellipsoid(center: (0, 0, 0), semiAxes: (64, 84, 78), tissue: .grayMatter),
    Ellipsoid(center: (0, 2, 5), semiAxes: (50, 68, 58), tissue: .whiteMatter),
    // Lateral ventricles: the two tilted ellipses of Shepp-Logan, here ellipsoids.
    Ellipsoid(center: (11, -4, 12), semiAxes: (6, 24, 16), angle: -18, tissue: .csf),
    Ellipsoid(center: (-11, -4, 12), semiAxes: (6, 24, 16), angle: 18, tissue: .csf),
    // Findings to annotate: a small acute bleed and a subtle infarct.
    Ellipsoid(center: (34, -30, 22), semiAxes: (7, 9, 8), tissue: .hemorrhage),
    Ellipsoid(center: (-32, 35, 0), semiAxes: (13, 11, 16), tissue: .infarct),
  ]

  /// Paints the tissue of every pixel of the axial slice at `z` into `labels` (row-major).
  static func paintSlice(z: Double, grid: SliceGrid, into labels: inout [UInt8]) {
    let count = grid.rows * grid.columns
    if labels.count != count {
      labels = [UInt8](repeating: 0, count: count)
    }
    labels.withUnsafeMutableBufferPointer { buffer in
      buffer.update(repeating: Tissue.air.rawValue)
      for ellipsoid in ellipsoids {
        let label = ellipsoid.tissue.rawValue
        for row in 0..<grid.rows {
          guard let span = ellipsoid.columns(y: grid.y(row: row), z: z, grid: grid) else {
            continue
          }
          let start = row * grid.columns
          let slice = UnsafeMutableBufferPointer(
            rebasing: buffer[(start + span.lowerBound)...(start + span.upperBound)])
          slice.update(repeating: label)
        }
      }
    }
  }
}
