import CTIFF
import Foundation
import TIFF
import Testing

/// Writes pages with libtiff, reads them back and compares exact samples.
struct TIFFReadTests {
  private func roundTrip(
    _ pages: [TestTIFFPage], mode: String = "w", name: String = "image.tif"
  ) throws -> (TemporaryFolder, TIFFImageFile) {
    let folder = try TemporaryFolder()
    try TestTIFFWriter.write(pages, to: folder.file(name), mode: mode)
    return (folder, try TIFFImageFile(path: folder.file(name)))
  }

  private func gray(_ width: Int, _ height: Int, bits: Int, seed: UInt64) -> TestTIFFPage {
    TestTIFFPage(
      width: width, height: height, bitsPerSample: bits,
      samples: testSamples(count: width * height, maximum: (1 << UInt64(bits)) - 1, seed: seed))
  }

  private func rgb(_ width: Int, _ height: Int, bits: Int, seed: UInt64) -> TestTIFFPage {
    TestTIFFPage(
      width: width, height: height, samplesPerPixel: 3, bitsPerSample: bits,
      photometric: PHOTOMETRIC_RGB,
      samples: testSamples(
        count: width * height * 3, maximum: (1 << UInt64(bits)) - 1, seed: seed))
  }

  @Test func gray8InStripsReadsBackExactly() throws {
    var page = gray(37, 23, bits: 8, seed: 1)
    page.rowsPerStrip = 5
    let (_, file) = try roundTrip([page])
    let info = try #require(file.pages.first)
    #expect(file.pages.count == 1)
    #expect(info.width == 37 && info.height == 23)
    #expect(info.samplesPerPixel == 1 && info.bitsPerSample == 8)
    #expect(info.photometric == .minIsBlack && info.sampleFormat == .unsignedInteger)
    #expect(info.planarConfiguration == .contiguous && !info.isTiled)
    #expect(info.unsupportedFeature == nil)
    let decoded = try file.readPage(0)
    #expect(decoded.components == 1)
    #expect(decoded.samples == .uint8(page.samples.map { UInt8($0) }))
    #expect(!decoded.invertedFromMinIsWhite && !decoded.expandedFromPalette)
  }

  @Test(arguments: ["w", "wb"])
  func gray16ReadsBackExactlyInEitherByteOrder(mode: String) throws {
    var page = gray(31, 17, bits: 16, seed: 2)
    page.rowsPerStrip = 4
    let (_, file) = try roundTrip([page], mode: mode)
    #expect(file.pages[0].bitsPerSample == 16)
    #expect(try file.readPage(0).samples == .uint16(page.samples.map { UInt16($0) }))
  }

  @Test func signed16GrayReadsAsInt16() throws {
    var page = gray(9, 7, bits: 16, seed: 3)
    page.sampleFormat = SAMPLEFORMAT_INT
    let (_, file) = try roundTrip([page])
    #expect(file.pages[0].sampleFormat == .signedInteger)
    let expected = page.samples.map { Int16(bitPattern: UInt16($0)) }
    #expect(try file.readPage(0).samples == .int16(expected))
  }

  @Test(arguments: [8, 16])
  func rgbContiguousAndSeparateGiveTheSameInterleavedSamples(bits: Int) throws {
    var contiguous = rgb(29, 13, bits: bits, seed: 4)
    contiguous.rowsPerStrip = 3
    var separate = contiguous
    separate.planar = PLANARCONFIG_SEPARATE
    let (_, file) = try roundTrip([contiguous, separate])
    #expect(file.pages[0].planarConfiguration == .contiguous)
    #expect(file.pages[1].planarConfiguration == .separate)
    let expected: TIFFSamples =
      bits == 8
      ? .uint8(contiguous.samples.map { UInt8($0) })
      : .uint16(contiguous.samples.map { UInt16($0) })
    for index in 0..<2 {
      let decoded = try file.readPage(index)
      #expect(decoded.components == 3)
      #expect(decoded.samples == expected)
    }
  }

  @Test func fivePagesAreFramesInFileOrder() throws {
    let pages = (0..<5).map { gray(16 + $0, 10, bits: 16, seed: UInt64(10 + $0)) }
    let (_, file) = try roundTrip(pages)
    #expect(file.pages.map(\.width) == [16, 17, 18, 19, 20])
    #expect(file.pages.map(\.index) == [0, 1, 2, 3, 4])
    for index in [4, 0, 2, 3, 1, 1] {
      #expect(try file.readPage(index).samples == .uint16(pages[index].samples.map { UInt16($0) }))
    }
  }

  @Test func tiledPagesWithPartialEdgeTilesReadBackExactly() throws {
    var grayTiled = gray(40, 35, bits: 8, seed: 20)
    grayTiled.tileSize = (16, 16)
    var rgbTiled = rgb(33, 50, bits: 16, seed: 21)
    rgbTiled.tileSize = (16, 32)
    rgbTiled.planar = PLANARCONFIG_SEPARATE
    let (_, file) = try roundTrip([grayTiled, rgbTiled])
    #expect(file.pages.allSatisfy { $0.isTiled })
    #expect(try file.readPage(0).samples == .uint8(grayTiled.samples.map { UInt8($0) }))
    #expect(try file.readPage(1).samples == .uint16(rgbTiled.samples.map { UInt16($0) }))
  }

  private static let compressions: [(compression: Int32, predictor: Int32?)] = [
    (COMPRESSION_LZW, nil), (COMPRESSION_LZW, 2), (COMPRESSION_ADOBE_DEFLATE, nil),
    (COMPRESSION_ADOBE_DEFLATE, 2), (COMPRESSION_PACKBITS, nil),
  ]

  @Test(arguments: compressions)
  func compressedPagesReadBackExactly(compression: Int32, predictor: Int32?) throws {
    let columns = 45
    let smooth: [UInt64] = (0..<(columns * 21)).map { (index: Int) -> UInt64 in
      let column = UInt64(index % columns)
      let row = UInt64(index / columns)
      return column * 1000 + row * 7
    }
    var gray16 = TestTIFFPage(width: 45, height: 21, bitsPerSample: 16, samples: smooth)
    gray16.compression = compression
    gray16.predictor = predictor
    gray16.rowsPerStrip = 8
    var rgb8 = rgb(45, 21, bits: 8, seed: 30)
    rgb8.compression = compression
    rgb8.predictor = predictor
    var tiled = gray(45, 21, bits: 8, seed: 31)
    tiled.compression = compression
    tiled.predictor = predictor
    tiled.tileSize = (16, 16)
    let (_, file) = try roundTrip([gray16, rgb8, tiled])
    let codes = file.pages.map { $0.compression }
    #expect(codes == Array(repeating: Int(compression), count: 3))
    #expect(try file.readPage(0).samples == .uint16(smooth.map { UInt16($0) }))
    #expect(try file.readPage(1).samples == .uint8(rgb8.samples.map { UInt8($0) }))
    #expect(try file.readPage(2).samples == .uint8(tiled.samples.map { UInt8($0) }))
  }

  @Test(arguments: [8, 16])
  func minIsWhiteIsInvertedToMinIsBlackAndFlagged(bits: Int) throws {
    var page = gray(12, 9, bits: bits, seed: 40)
    page.photometric = PHOTOMETRIC_MINISWHITE
    let (_, file) = try roundTrip([page])
    #expect(file.pages[0].photometric == .minIsWhite)
    let decoded = try file.readPage(0)
    #expect(decoded.invertedFromMinIsWhite)
    let maximum = UInt64((1 << bits) - 1)
    let inverted = page.samples.map { maximum - $0 }
    let expected: TIFFSamples =
      bits == 8 ? .uint8(inverted.map { UInt8($0) }) : .uint16(inverted.map { UInt16($0) })
    #expect(decoded.samples == expected)
  }

  @Test(arguments: [true, false])
  func paletteExpandsToRGB(sixteenBitMap: Bool) throws {
    let red = (0..<256).map { UInt16($0) }
    let green = (0..<256).map { UInt16(255 - $0) }
    let blue = (0..<256).map { UInt16(($0 * 7) % 256) }
    let scale: (UInt16) -> UInt16 = { sixteenBitMap ? $0 * 257 : $0 }
    var page = gray(11, 6, bits: 8, seed: 50)
    page.photometric = PHOTOMETRIC_PALETTE
    page.colormap = (red.map(scale), green.map(scale), blue.map(scale))
    let (_, file) = try roundTrip([page])
    #expect(file.pages[0].photometric == .palette)
    #expect(file.pages[0].decodedComponents == 3)
    let decoded = try file.readPage(0)
    #expect(decoded.expandedFromPalette && decoded.components == 3)
    let expected = page.samples.flatMap { index in
      [red[Int(index)], green[Int(index)], blue[Int(index)]].map { UInt8($0) }
    }
    #expect(decoded.samples == .uint8(expected))
  }

  @Test func alphaIsDroppedAndFlagged() throws {
    var page = TestTIFFPage(
      width: 7, height: 5, samplesPerPixel: 4, photometric: PHOTOMETRIC_RGB, extraSamples: 1,
      samples: testSamples(count: 7 * 5 * 4, maximum: 255, seed: 60))
    page.planar = PLANARCONFIG_SEPARATE
    let (_, file) = try roundTrip([page])
    #expect(file.pages[0].extraSamples == 1)
    let decoded = try file.readPage(0)
    #expect(decoded.droppedExtraSamples && decoded.components == 3)
    let rgbOnly = stride(from: 0, to: page.samples.count, by: 4).flatMap {
      page.samples[$0..<($0 + 3)].map { UInt8($0) }
    }
    #expect(decoded.samples == .uint8(rgbOnly))
  }

  @Test func resolutionBecomesPixelSpacingInMillimetres() throws {
    var centimetres = gray(4, 4, bits: 8, seed: 70)
    centimetres.resolution = (x: 50, y: 25, unit: RESUNIT_CENTIMETER)
    var inches = gray(4, 4, bits: 8, seed: 71)
    inches.resolution = (x: 254, y: 127, unit: RESUNIT_INCH)
    var unitless = gray(4, 4, bits: 8, seed: 72)
    unitless.resolution = (x: 2, y: 1, unit: RESUNIT_NONE)
    let absent = gray(4, 4, bits: 8, seed: 73)
    let (_, file) = try roundTrip([centimetres, inches, unitless, absent])
    let spacings = file.pages.map(\.pixelSpacing)
    #expect(file.pages[0].resolution == TIFFResolution(x: 50, y: 25, unit: .centimeter))
    #expect(spacings[0] == TIFFPixelSpacing(columnSpacing: 0.2, rowSpacing: 0.4))
    #expect(file.pages[1].resolution?.unit == .inch)
    let inchSpacing = try #require(spacings[1])
    #expect(abs(inchSpacing.columnSpacing - 0.1) < 1e-9 && abs(inchSpacing.rowSpacing - 0.2) < 1e-9)
    #expect(file.pages[2].resolution?.unit == TIFFResolutionUnit.none)
    #expect(spacings[2] == nil)
    #expect(file.pages[3].resolution == nil && spacings[3] == nil)
  }

  @Test func reducedResolutionPagesAreMarked() throws {
    var thumbnail = gray(4, 4, bits: 8, seed: 80)
    thumbnail.subfileType = UInt32(FILETYPE_REDUCEDIMAGE)
    let (_, file) = try roundTrip([gray(8, 8, bits: 8, seed: 81), thumbnail])
    #expect(file.pages.map(\.isReducedResolution) == [false, true])
  }
}
