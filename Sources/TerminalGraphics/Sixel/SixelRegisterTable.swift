/// Colour registers for one image: palette entries with equal percent colours merged, ranked so
/// that the colours most common in a sample of the image's rows get the shortest `#n`.
///
/// Every colour an index can reach gets a register, so the table can be built from a sample
/// before the image is encoded; the encoder numbers the others as it first paints with them and
/// defines only the registers it painted with.
struct SixelRegisterTable {
  /// Marks a palette index that is never painted (the transparent index).
  static let unpainted: UInt16 = .max

  /// Register number for each of the 256 possible palette indices, or `unpainted`.
  let registerOfIndex: [UInt16]
  /// Register colours, by register number.
  let colors: [SixelColor]
  /// The registers below this had pixels in the sample, so the image certainly uses them.
  let rankedCount: Int

  /// Builds the table from pixel counts per index over a sample of the image (indices the sample
  /// missed count as zero and are numbered after the others).
  ///
  /// An index past the end of `palette` takes the palette's last colour; an empty palette counts as
  /// one black entry.
  init(sampledCounts: [Int], palette: [SixelColor], transparentIndex: UInt8?) {
    // Distinct colours in order of first index, found through their keys; runs once per frame,
    // where a dictionary's hashing was a visible part of encoding a small image.
    var distinctOfIndex = [Int](repeating: -1, count: 256)
    var distinctColors: [SixelColor] = []
    var distinctCounts: [Int] = []
    var firstIndexOfKey: [Int: Int] = [:]
    var previousKey = -1
    for index in 0..<256 {
      if let transparentIndex, index == Int(transparentIndex) { continue }
      let color =
        index < palette.count ? palette[index] : (palette.last ?? SixelColor.gray(0))
      let key = SixelRegisterTable.order(color)
      let distinct: Int
      // Palettes list equal colours side by side (a gray palette repeats each level), so most
      // lookups end here.
      if key == previousKey, index > 0, distinctOfIndex[index - 1] >= 0 {
        distinct = distinctOfIndex[index - 1]
      } else if let known = firstIndexOfKey[key] {
        distinct = known
      } else {
        distinct = distinctColors.count
        firstIndexOfKey[key] = distinct
        distinctColors.append(color)
        distinctCounts.append(0)
      }
      previousKey = key
      distinctOfIndex[index] = distinct
      distinctCounts[distinct] += index < sampledCounts.count ? sampledCounts[index] : 0
    }
    let ranked = distinctColors.indices.sorted { lhs, rhs in
      if distinctCounts[lhs] != distinctCounts[rhs] {
        return distinctCounts[lhs] > distinctCounts[rhs]
      }
      return SixelRegisterTable.order(distinctColors[lhs])
        < SixelRegisterTable.order(distinctColors[rhs])
    }
    var registerOfDistinct = [UInt16](repeating: 0, count: distinctColors.count)
    for (register, distinct) in ranked.enumerated() {
      registerOfDistinct[distinct] = UInt16(register)
    }
    registerOfIndex = distinctOfIndex.map {
      $0 < 0 ? SixelRegisterTable.unpainted : registerOfDistinct[$0]
    }
    colors = ranked.map { distinctColors[$0] }
    rankedCount = ranked.count { distinctCounts[$0] > 0 }
  }

  /// A total order on colours so that equal counts still give the same numbering every time.
  private static func order(_ color: SixelColor) -> Int {
    Int(color.red) * 10_201 + Int(color.green) * 101 + Int(color.blue)
  }
}
