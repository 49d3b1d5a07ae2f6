/// Turns an indexed raster into one complete sixel DCS sequence, as compact as the format allows.
///
/// Output: `ESC P 0;P2;0 q`, raster attributes `"1;1;W;H`, a `#i;2;r;g;b` definition for each
/// register used, then the bands, ending with `ESC \` and no final `-` (a final graphics newline can
/// scroll a full-screen image).
///
/// Bad input never crashes: an index with no palette entry takes the palette's last colour (an
/// empty palette counts as one black entry); rows that `indices` does not hold completely, and
/// anything beyond `maximumSide` pixels in either direction, are left out (the raster attributes
/// state the size actually encoded).
public enum SixelEncoder {
  /// The largest width or height encoded; no terminal shows more, and it bounds the working memory.
  public static let maximumSide = 16_384

  /// Choices that depend on the terminal or the picture.
  public struct Options: Sendable, Equatable {
    /// Longest `!n` repeat to write; longer runs are split. 255 suits a real VT340 and libsixel.
    public var maxRepeat: Int
    /// Pixels with this index are never painted and the header asks for P2 = 1, so the terminal
    /// leaves them as they were. `nil` gives an opaque image (P2 = 0).
    public var transparentIndex: UInt8?

    /// Defaults: runs split at 255, opaque.
    public init(maxRepeat: Int = 255, transparentIndex: UInt8? = nil) {
      self.maxRepeat = maxRepeat
      self.transparentIndex = transparentIndex
    }
  }

  /// Encodes `raster` with register colours from `palette` (at most 256 entries are reachable).
  public static func encode(
    _ raster: IndexedRaster, palette: [SixelColor], options: Options = Options()
  ) -> [UInt8] {
    let stride = Swift.max(raster.width, 0)
    let width = Swift.min(stride, maximumSide)
    let height = Swift.min(
      width > 0 ? raster.completeRows : Swift.max(raster.height, 0), maximumSide)
    let maxRepeat = Swift.max(options.maxRepeat, 1)
    let pixelCount = width * (width > 0 ? height : 0)

    // The bands are written first: the header defines only the registers they painted with.
    var body = SixelByteSink(capacity: Swift.min(pixelCount, 1 << 22) + 64)
    var colors: [SixelColor] = []
    var numbers: [Int] = []
    raster.indices.withUnsafeBufferPointer { indices in
      guard let pixels = indices.baseAddress, pixelCount > 0 else { return }
      let table = SixelRegisterTable(
        sampledCounts: countIndices(
          pixels, width: width, height: height, stride: stride,
          rowStep: height < countedRowStep * 16 ? 1 : countedRowStep),
        palette: palette, transparentIndex: options.transparentIndex)
      colors = table.colors
      var bands = SixelBandEncoder(
        width: width, registerCount: table.colors.count, rankedCount: table.rankedCount,
        maxRepeat: maxRepeat)
      table.registerOfIndex.withUnsafeBufferPointer { registerOfIndex in
        guard let lookup = registerOfIndex.baseAddress else { return }
        var cursorBand = 0
        for band in 0..<(height + 5) / 6 {
          let top = band * 6
          let painted = bands.analyse(
            bandTop: pixels + top * stride, rows: Swift.min(6, height - top), stride: stride,
            registerOfIndex: lookup)
          guard painted else { continue }
          // Empty bands are crossed lazily so that none are written after the last painted band.
          for _ in cursorBand..<band { body.append(0x2D) }
          cursorBand = band
          bands.emit(into: &body)
        }
      }
      numbers = bands.registerNumbers
    }

    let defined = numbers.indices.filter { numbers[$0] >= 0 }.sorted { numbers[$0] < numbers[$1] }
    var sink = SixelByteSink(capacity: 64 + 20 * defined.count)
    sink.append("\u{1B}P0;")
    sink.append(options.transparentIndex == nil ? 0x30 : 0x31)
    sink.append(";0q\"1;1;")
    sink.appendNumber(width)
    sink.append(0x3B)
    sink.appendNumber(height)
    for register in defined {
      let color = colors[register]
      sink.append(0x23)
      sink.appendNumber(numbers[register])
      sink.append(";2;")
      sink.appendNumber(Int(color.red))
      sink.append(0x3B)
      sink.appendNumber(Int(color.green))
      sink.append(0x3B)
      sink.appendNumber(Int(color.blue))
    }
    body.append("\u{1B}\\")
    return sink.bytes(followedBy: body)
  }

  /// Register numbers are ranked on every `countedRowStep`th row of images of 64 rows or more: a
  /// quarter of the rows ranks the common colours as all of them would, for a quarter of the
  /// counting. Colours the sample missed are numbered after the others as bands first use them.
  static let countedRowStep = 4

  /// Pixel count per palette index on every `rowStep`th row, with four tallies so repeated indices
  /// do not stall on one counter.
  private static func countIndices(
    _ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, rowStep: Int
  ) -> [Int] {
    var tallies = [Int](repeating: 0, count: 1024)
    tallies.withUnsafeMutableBufferPointer { tally in
      for row in Swift.stride(from: 0, to: height, by: rowStep) {
        let start = pixels + row * stride
        var column = 0
        while column + 4 <= width {
          tally[Int(start[column])] &+= 1
          tally[256 + Int(start[column + 1])] &+= 1
          tally[512 + Int(start[column + 2])] &+= 1
          tally[768 + Int(start[column + 3])] &+= 1
          column += 4
        }
        while column < width {
          tally[Int(start[column])] &+= 1
          column += 1
        }
      }
    }
    return (0..<256).map { tallies[$0] + tallies[256 + $0] + tallies[512 + $0] + tallies[768 + $0] }
  }
}
