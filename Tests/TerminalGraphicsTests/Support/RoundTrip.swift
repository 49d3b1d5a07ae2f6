import TerminalGraphics

/// Compares what a decoded sixel shows with what the raster asked for, pixel by pixel.
struct RoundTripReport: CustomStringConvertible {
  var sizeMatches = true
  var mismatches = 0
  var firstMismatch = ""

  var isExact: Bool { sizeMatches && mismatches == 0 }

  var description: String {
    sizeMatches ? "\(mismatches) pixels differ; first: \(firstMismatch)" : firstMismatch
  }

  /// The colour the encoder documents for an index: palette entry, or the last one when the index
  /// is past the end, or black for an empty palette.
  static func expectedColor(index: UInt8, palette: [SixelColor]) -> SixelColor {
    Int(index) < palette.count ? palette[Int(index)] : (palette.last ?? .gray(0))
  }

  init(decoded: DecodedSixel, raster: IndexedRaster, palette: [SixelColor], transparent: UInt8?) {
    guard decoded.width == raster.width, decoded.height == raster.height else {
      sizeMatches = false
      firstMismatch =
        "decoded \(decoded.width)x\(decoded.height), raster \(raster.width)x\(raster.height)"
      return
    }
    for y in 0..<raster.height {
      for x in 0..<raster.width {
        let index = raster.indices[y * raster.width + x]
        let shown = decoded.color(x: x, y: y)
        let wanted: SixelColor? =
          index == transparent ? nil : RoundTripReport.expectedColor(index: index, palette: palette)
        if shown != wanted {
          if mismatches == 0 {
            firstMismatch =
              "(\(x),\(y)) index \(index): shown \(String(describing: shown)), wanted \(String(describing: wanted))"
          }
          mismatches += 1
        }
      }
    }
  }
}
