/// Colour registers for one image: palette entries with equal percent colours merged, only used
/// colours kept, numbered by frequency so the most common colour gets the shortest `#n`.
struct SixelRegisterTable {
  /// Marks a palette index that is never painted (the transparent index) or never used.
  static let unpainted: UInt16 = .max

  /// Register number for each of the 256 possible palette indices, or `unpainted`.
  let registerOfIndex: [UInt16]
  /// Register colours, by register number.
  let colors: [SixelColor]

  /// Builds the table from a per-index pixel count.
  ///
  /// An index past the end of `palette` takes the palette's last colour; an empty palette counts as
  /// one black entry.
  init(indexCounts: [Int], palette: [SixelColor], transparentIndex: UInt8?) {
    var countOfColor: [SixelColor: Int] = [:]
    var colorOfIndex = [SixelColor?](repeating: nil, count: 256)
    for index in 0..<Swift.min(indexCounts.count, 256) where indexCounts[index] > 0 {
      if let transparentIndex, index == Int(transparentIndex) { continue }
      let color =
        index < palette.count ? palette[index] : (palette.last ?? SixelColor.gray(0))
      colorOfIndex[index] = color
      countOfColor[color, default: 0] += indexCounts[index]
    }
    let ranked = countOfColor.sorted { lhs, rhs in
      if lhs.value != rhs.value { return lhs.value > rhs.value }
      return SixelRegisterTable.order(lhs.key) < SixelRegisterTable.order(rhs.key)
    }
    var registerOfColor: [SixelColor: UInt16] = [:]
    for (register, entry) in ranked.enumerated() {
      registerOfColor[entry.key] = UInt16(register)
    }
    registerOfIndex = colorOfIndex.map { color in
      color.flatMap { registerOfColor[$0] } ?? SixelRegisterTable.unpainted
    }
    colors = ranked.map(\.key)
  }

  /// A total order on colours so that equal counts still give the same numbering every time.
  private static func order(_ color: SixelColor) -> Int {
    Int(color.red) * 10_201 + Int(color.green) * 101 + Int(color.blue)
  }
}
