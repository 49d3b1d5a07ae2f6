import Imaging

#if canImport(Glibc)
  import Glibc
#endif

/// A windowed frame as sixel palette indices: grays become one of L fixed levels (indices
/// 0..<L), and the few colours an overlay adds (annotation outlines, the crosshair) get one
/// register each after them.
///
/// Keeping indices rather than bytes lets the caller compare two frames and re-send only the
/// rows that changed, with the same palette.
public struct LevelRaster: Sendable, Equatable {
  /// The indices; 255 is never used, so it can serve as the transparent index.
  public var raster: IndexedRaster
  /// Register colours by index: the L gray percents, then the overlay colours.
  public var palette: [SixelColor]

  /// The most overlay colours kept; further colours are shown as their gray.
  public static let maximumColors = 64
  /// The index no pixel gets.
  public static let unusedIndex: UInt8 = 255

  /// `image` quantised to `levels` grays.
  public init(gray image: GrayImage, levels: Int) {
    let quantizer = GrayQuantizer(levels: levels)
    let table = Self.levelTable(quantizer)
    let count = image.isConsistent ? image.pixels.count : 0
    var indices = [UInt8](repeating: 0, count: count)
    image.pixels.withUnsafeBufferPointer { source in
      indices.withUnsafeMutableBufferPointer { target in
        for index in 0..<count { target[index] = table[Int(source[index])] }
      }
    }
    raster = IndexedRaster(
      width: count > 0 ? image.width : 0, height: count > 0 ? image.height : 0, indices: indices)
    palette = Self.grayPalette(quantizer)
  }

  /// `image` with gray pixels (red = green = blue) quantised to `levels` grays and every other
  /// colour kept exactly, as long as there are few of them.
  public init(rgb image: RGBImage, levels: Int) {
    let quantizer = GrayQuantizer(levels: levels)
    let table = Self.levelTable(quantizer)
    let count = image.isConsistent ? image.width * image.height : 0
    var colors: [UInt32: UInt8] = [:]
    var extra: [SixelColor] = []
    let firstColor = quantizer.levels
    var indices = [UInt8](repeating: 0, count: count)
    image.pixels.withUnsafeBufferPointer { source in
      indices.withUnsafeMutableBufferPointer { target in
        var lastKey: UInt32 = .max
        var lastIndex: UInt8 = 0
        for pixel in 0..<count {
          let red = source[pixel * 3]
          let green = source[pixel * 3 + 1]
          let blue = source[pixel * 3 + 2]
          if red == green && green == blue {
            target[pixel] = table[Int(red)]
            continue
          }
          let key = UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
          if key == lastKey {
            target[pixel] = lastIndex
            continue
          }
          let index: UInt8
          if let known = colors[key] {
            index = known
          } else if extra.count < Self.maximumColors {
            index = UInt8(firstColor + extra.count)
            colors[key] = index
            extra.append(
              SixelColor(
                red: Self.percent(red), green: Self.percent(green), blue: Self.percent(blue)))
          } else {
            let luma = (Int(red) * 299 + Int(green) * 587 + Int(blue) * 114 + 500) / 1000
            index = table[luma]
          }
          lastKey = key
          lastIndex = index
          target[pixel] = index
        }
      }
    }
    // Overlay colours were numbered in the order the scan met them, which changes when a shape
    // moves above another; in colour order instead, the same overlay keeps the same palette, so
    // `changedRegion` can still send only what moved.
    let sorted = extra.indices.sorted { (Self.order(extra[$0]), $0) < (Self.order(extra[$1]), $1) }
    if sorted != Array(extra.indices) {
      var remap = (0...255).map { UInt8($0) }
      for (position, original) in sorted.enumerated() {
        remap[firstColor + original] = UInt8(firstColor + position)
      }
      for pixel in indices.indices { indices[pixel] = remap[Int(indices[pixel])] }
      extra = sorted.map { extra[$0] }
    }
    raster = IndexedRaster(
      width: count > 0 ? image.width : 0, height: count > 0 ? image.height : 0, indices: indices)
    palette = Self.grayPalette(quantizer) + extra
  }

  private static func order(_ color: SixelColor) -> Int {
    Int(color.red) << 16 | Int(color.green) << 8 | Int(color.blue)
  }

  /// The rectangle `rows` x `columns` of the raster alone, with the same palette.
  public func region(rows: Range<Int>, columns: Range<Int>) -> IndexedRaster {
    let rows = rows.clamped(to: 0..<raster.height)
    let columns = columns.clamped(to: 0..<raster.width)
    var indices: [UInt8] = []
    indices.reserveCapacity(rows.count * columns.count)
    for row in rows {
      let start = row * raster.width
      indices += raster.indices[(start + columns.lowerBound)..<(start + columns.upperBound)]
    }
    return IndexedRaster(width: columns.count, height: rows.count, indices: indices)
  }

  /// The smallest rectangle holding every pixel where `self` and `other` differ; nil when they
  /// are equal, the whole raster when their sizes or palettes differ.
  public func changedRegion(since other: LevelRaster) -> (rows: Range<Int>, columns: Range<Int>)? {
    let whole = (rows: 0..<raster.height, columns: 0..<raster.width)
    guard other.raster.width == raster.width, other.raster.height == raster.height,
      other.palette == palette, raster.isConsistent, other.raster.isConsistent
    else { return raster.height > 0 && raster.width > 0 ? whole : nil }
    let width = raster.width
    guard width > 0 else { return nil }
    return raster.indices.withUnsafeBufferPointer { new in
      other.raster.indices.withUnsafeBufferPointer { old in
        var firstRow = -1
        var lastRow = -1
        var firstColumn = width
        var lastColumn = -1
        for row in 0..<raster.height {
          let start = row * width
          guard memcmp(new.baseAddress! + start, old.baseAddress! + start, width) != 0 else {
            continue
          }
          if firstRow < 0 { firstRow = row }
          lastRow = row
          if let first = (0..<width).first(where: { new[start + $0] != old[start + $0] }) {
            firstColumn = min(firstColumn, first)
          }
          if let last = (0..<width).last(where: { new[start + $0] != old[start + $0] }) {
            lastColumn = max(lastColumn, last)
          }
        }
        guard firstRow >= 0 else { return nil }
        return (firstRow..<(lastRow + 1), firstColumn..<(lastColumn + 1))
      }
    }
  }

  private static func levelTable(_ quantizer: GrayQuantizer) -> [UInt8] {
    (0...255).map { UInt8(quantizer.level(of: UInt8($0))) }
  }

  private static func grayPalette(_ quantizer: GrayQuantizer) -> [SixelColor] {
    (0..<quantizer.levels).map { SixelColor.gray(Int(quantizer.percent(ofLevel: $0))) }
  }

  private static func percent(_ channel: UInt8) -> Int {
    (Int(channel) * 200 + 255) / 510
  }
}
