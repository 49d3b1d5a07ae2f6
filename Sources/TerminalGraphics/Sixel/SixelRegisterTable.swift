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
    var countOfColor: [SixelColor: Int] = [:]
    var colorOfIndex = [SixelColor?](repeating: nil, count: 256)
    for index in 0..<256 {
      if let transparentIndex, index == Int(transparentIndex) { continue }
      let color =
        index < palette.count ? palette[index] : (palette.last ?? SixelColor.gray(0))
      colorOfIndex[index] = color
      countOfColor[color, default: 0] += index < sampledCounts.count ? sampledCounts[index] : 0
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
    rankedCount = ranked.count { $0.value > 0 }
  }

  /// A total order on colours so that equal counts still give the same numbering every time.
  private static func order(_ color: SixelColor) -> Int {
    Int(color.red) * 10_201 + Int(color.green) * 101 + Int(color.blue)
  }
}
