import CTIFF
import CTIFFShims
import Foundation

/// A page to write with libtiff: samples in pixel order (interleaved), plus tags.
struct TestTIFFPage {
  var width: Int
  var height: Int
  var samplesPerPixel = 1
  var bitsPerSample = 8
  var photometric = PHOTOMETRIC_MINISBLACK
  var planar = PLANARCONFIG_CONTIG
  var compression = COMPRESSION_NONE
  var predictor: Int32?
  var rowsPerStrip: Int?
  var tileSize: (width: Int, height: Int)?
  var sampleFormat = SAMPLEFORMAT_UINT
  var extraSamples = 0
  var resolution: (x: Double, y: Double, unit: Int32)?
  var colormap: (red: [UInt16], green: [UInt16], blue: [UInt16])?
  var subfileType: UInt32?
  /// Lets a YCbCr JPEG page be written from RGB samples.
  var jpegColorModeRGB = false
  /// width × height × samplesPerPixel values, interleaved; truncated to the sample size.
  var samples: [UInt64]

  /// Bytes of sample `index` (pixel order) in native byte order, as libtiff expects them.
  fileprivate func bytes(ofSample value: UInt64) -> [UInt8] {
    switch bitsPerSample {
    case 16: return withUnsafeBytes(of: UInt16(truncatingIfNeeded: value)) { Array($0) }
    case 32: return withUnsafeBytes(of: UInt32(truncatingIfNeeded: value)) { Array($0) }
    default: return [UInt8(truncatingIfNeeded: value)]
    }
  }

  /// Rows of bytes for one plane (separate) or all samples (contiguous).
  fileprivate func planeRows(_ plane: Int) -> [[UInt8]] {
    let separate = planar == PLANARCONFIG_SEPARATE
    return (0..<height).map { row in
      var bytes: [UInt8] = []
      for column in 0..<width {
        let pixel = (row * width + column) * samplesPerPixel
        let range = separate ? (plane...plane) : (0...(samplesPerPixel - 1))
        for sample in range { bytes += self.bytes(ofSample: samples[pixel + sample]) }
      }
      return bytes
    }
  }
}

enum TestTIFFWriter {
  /// Writes `pages` to `path` with libtiff; "wb" makes a big-endian file.
  static func write(_ pages: [TestTIFFPage], to path: String, mode: String = "w") throws {
    guard let file = ctiff_open(path, mode, 0) else { throw TestWriteError("out of memory") }
    defer { ctiff_close(file) }
    guard let tif = ctiff_handle(file) else {
      throw TestWriteError(String(cString: ctiff_error_message(file)))
    }
    for page in pages {
      try writePage(page, tif)
      guard TIFFWriteDirectory(tif) != 0 else {
        throw TestWriteError(String(cString: ctiff_error_message(file)))
      }
    }
  }

  private static func writePage(_ page: TestTIFFPage, _ tif: OpaquePointer) throws {
    set(tif, TIFFTAG_IMAGEWIDTH, UInt32(page.width))
    set(tif, TIFFTAG_IMAGELENGTH, UInt32(page.height))
    set(tif, TIFFTAG_SAMPLESPERPIXEL, Int32(page.samplesPerPixel))
    set(tif, TIFFTAG_BITSPERSAMPLE, Int32(page.bitsPerSample))
    set(tif, TIFFTAG_PHOTOMETRIC, page.photometric)
    set(tif, TIFFTAG_PLANARCONFIG, page.planar)
    set(tif, TIFFTAG_COMPRESSION, page.compression)
    set(tif, TIFFTAG_SAMPLEFORMAT, page.sampleFormat)
    if page.jpegColorModeRGB { set(tif, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB) }
    if let predictor = page.predictor { set(tif, TIFFTAG_PREDICTOR, predictor) }
    if let subfileType = page.subfileType { set(tif, TIFFTAG_SUBFILETYPE, subfileType) }
    if let resolution = page.resolution {
      set(tif, TIFFTAG_XRESOLUTION, resolution.x)
      set(tif, TIFFTAG_YRESOLUTION, resolution.y)
      set(tif, TIFFTAG_RESOLUTIONUNIT, resolution.unit)
    }
    if page.extraSamples > 0 {
      let kinds = [UInt16](repeating: UInt16(EXTRASAMPLE_UNASSALPHA), count: page.extraSamples)
      kinds.withUnsafeBufferPointer { kinds in
        _ = withVaList([Int32(page.extraSamples), kinds.baseAddress!]) {
          TIFFVSetField(tif, UInt32(TIFFTAG_EXTRASAMPLES), $0)
        }
      }
    }
    if let map = page.colormap {
      map.red.withUnsafeBufferPointer { red in
        map.green.withUnsafeBufferPointer { green in
          map.blue.withUnsafeBufferPointer { blue in
            _ = withVaList([red.baseAddress!, green.baseAddress!, blue.baseAddress!]) {
              TIFFVSetField(tif, UInt32(TIFFTAG_COLORMAP), $0)
            }
          }
        }
      }
    }
    let planes = page.planar == PLANARCONFIG_SEPARATE ? page.samplesPerPixel : 1
    if let tile = page.tileSize {
      set(tif, TIFFTAG_TILEWIDTH, UInt32(tile.width))
      set(tif, TIFFTAG_TILELENGTH, UInt32(tile.height))
      try writeTiles(page, tile: tile, planes: planes, tif)
    } else {
      let rowsPerStrip = page.rowsPerStrip ?? page.height
      set(tif, TIFFTAG_ROWSPERSTRIP, UInt32(rowsPerStrip))
      var strip: UInt32 = 0
      for plane in 0..<planes {
        let rows = page.planeRows(plane)
        for first in stride(from: 0, to: page.height, by: rowsPerStrip) {
          var bytes = Array(rows[first..<min(first + rowsPerStrip, page.height)].joined())
          guard TIFFWriteEncodedStrip(tif, strip, &bytes, tmsize_t(bytes.count)) >= 0 else {
            throw TestWriteError("strip \(strip) not written")
          }
          strip += 1
        }
      }
    }
  }

  private static func writeTiles(
    _ page: TestTIFFPage, tile: (width: Int, height: Int), planes: Int, _ tif: OpaquePointer
  ) throws {
    let rowBytesPerPixel = page.planeRows(0)[0].count / page.width
    for plane in 0..<planes {
      let rows = page.planeRows(plane)
      for top in stride(from: 0, to: page.height, by: tile.height) {
        for left in stride(from: 0, to: page.width, by: tile.width) {
          var bytes = [UInt8](repeating: 0, count: tile.width * tile.height * rowBytesPerPixel)
          for row in 0..<min(tile.height, page.height - top) {
            let columns = min(tile.width, page.width - left)
            let source = rows[top + row][
              (left * rowBytesPerPixel)..<((left + columns) * rowBytesPerPixel)]
            bytes.replaceSubrange(
              (row * tile.width * rowBytesPerPixel)..<(row * tile.width * rowBytesPerPixel
                + source.count), with: source)
          }
          let index = TIFFComputeTile(tif, UInt32(left), UInt32(top), 0, UInt16(plane))
          guard TIFFWriteEncodedTile(tif, index, &bytes, tmsize_t(bytes.count)) >= 0 else {
            throw TestWriteError("tile \(index) not written")
          }
        }
      }
    }
  }

  private static func set(_ tif: OpaquePointer, _ tag: Int32, _ value: any CVarArg) {
    _ = withVaList([value]) { TIFFVSetField(tif, UInt32(tag), $0) }
  }
}

struct TestWriteError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// A fresh temporary folder per test, removed when the value is released.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "tiff-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func file(_ name: String) -> String { path + "/" + name }
}

/// Deterministic pseudo-random samples so tests can compare exact values.
func testSamples(count: Int, maximum: UInt64, seed: UInt64) -> [UInt64] {
  var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
  return (0..<count).map { _ in
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state % (maximum + 1)
  }
}
