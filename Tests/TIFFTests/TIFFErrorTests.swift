import CTIFF
import Foundation
import TIFF
import Testing

/// Bad input becomes error values that name the file; nothing crashes, hangs or prints.
struct TIFFErrorTests {
  private func write(_ bytes: [UInt8], _ name: String, in folder: TemporaryFolder) throws -> String
  {
    let path = folder.file(name)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  private func openError(_ path: String) -> TIFFError? {
    do {
      _ = try TIFFImageFile(path: path)
      return nil
    } catch {
      return error as? TIFFError
    }
  }

  @Test func missingEmptyGarbageAndDirectoryInputAreUnreadableWithThePath() throws {
    let folder = try TemporaryFolder()
    let paths = [
      folder.file("missing.tif"),
      try write([], "empty.tif", in: folder),
      try write(Array("this is not a TIFF file at all".utf8), "garbage.tif", in: folder),
      try write([0x49, 0x49, 42, 0, 0xFF, 0xFF, 0xFF, 0x0F], "bad-offset.tif", in: folder),
      folder.path,
    ]
    for path in paths {
      let error = try #require(openError(path), "\(path) opened")
      #expect(error.kind == .unreadable)
      #expect(error.path == path && error.description.contains(path))
      #expect(!error.detail.isEmpty)
      #expect(throws: TIFFError.self) { try TIFFImageFile.summary(path: path) }
    }
    #expect(openError(paths[1])?.detail == "Cannot read TIFF header")
    #expect(openError(paths[2])?.detail.contains("Not a TIFF") == true)
    #expect(openError(folder.path)?.detail == "is a directory, not a TIFF file")
    #expect(openError(paths[0])?.detail.contains("No such file or directory") == true)
  }

  @Test func aFileCutShortIsAnErrorNamingIt() throws {
    let folder = try TemporaryFolder()
    let page = TestTIFFPage(
      width: 64, height: 64, samples: testSamples(count: 4096, maximum: 255, seed: 1))
    let path = folder.file("whole.tif")
    try TestTIFFWriter.write([page, page, page], to: path)
    let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    // Cutting only the last next-directory offset leaves three readable pages, as libtiff
    // treats an unreadable link as the end of the chain.
    for length in [4, 7, 9, 100, whole.count / 2, whole.count - 20] {
      let cut = try write(Array(whole[..<length]), "cut-\(length).tif", in: folder)
      let error = try #require(openError(cut), "\(length) bytes opened")
      #expect(error.path == cut)
      #expect(error.kind == .unreadable)
    }
  }

  @Test func stripDataShorterThanDeclaredIsCorruptPixelData() throws {
    let folder = try TemporaryFolder()
    let path = try write(
      handmadeTIFF(width: 64, height: 64, pixelBytes: 100), "short-strip.tif", in: folder)
    let file = try TIFFImageFile(path: path)
    let error = try #require(throws: TIFFError.self) { try file.readPage(0) }
    #expect(error.kind == .corruptPixelData && error.page == 0 && error.path == path)
    #expect(error.description.contains(path))
  }

  @Test func damagedDeflateStreamIsCorruptPixelData() throws {
    let folder = try TemporaryFolder()
    var page = TestTIFFPage(
      width: 64, height: 64, samples: testSamples(count: 4096, maximum: 255, seed: 2))
    page.compression = COMPRESSION_ADOBE_DEFLATE
    let path = folder.file("deflate.tif")
    try TestTIFFWriter.write([page], to: path)
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    for index in 40..<200 { bytes[index] = UInt8(truncatingIfNeeded: index &* 37) }
    let damaged = try write(bytes, "damaged.tif", in: folder)
    let file = try TIFFImageFile(path: damaged)
    let error = try #require(throws: TIFFError.self) { try file.readPage(0) }
    #expect(error.kind == .corruptPixelData && error.path == damaged)
  }

  @Test func aDirectoryLoopEndsWithAnErrorInsteadOfHanging() throws {
    let folder = try TemporaryFolder()
    let path = try write(
      handmadeTIFF(width: 4, height: 4, pixelBytes: 16, nextDirectoryPointsToItself: true),
      "loop.tif", in: folder)
    // libtiff detects the loop; either a clean single page or an error is acceptable.
    if let file = try? TIFFImageFile(path: path) {
      #expect(file.pages.count == 1)
      #expect(try file.readPage(0).samples.count == 16)
    } else {
      #expect(openError(path)?.path == path)
    }
  }

  @Test(arguments: [(70_000, 1), (1, 70_000), (20_000, 20_000)])
  func absurdSizesAreRefusedBeforeAllocating(width: Int, height: Int) throws {
    let folder = try TemporaryFolder()
    let path = try write(
      handmadeTIFF(width: UInt32(width), height: UInt32(height), pixelBytes: 16), "huge.tif",
      in: folder)
    let file = try TIFFImageFile(path: path)
    #expect(file.pages[0].exceedsLimits)
    let error = try #require(throws: TIFFError.self) { try file.readPage(0) }
    #expect(error.kind == .tooLarge && error.path == path)
  }

  @Test func pageIndexOutsideTheFileIsAnError() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("one.tif")
    try TestTIFFWriter.write([TestTIFFPage(width: 2, height: 2, samples: [1, 2, 3, 4])], to: path)
    let file = try TIFFImageFile(path: path)
    for index in [-1, 1, 99] {
      let error = try #require(throws: TIFFError.self) { try file.readPage(index) }
      #expect(error.kind == .pageOutOfRange && error.page == index)
    }
  }

  @Test func unsupportedLayoutsAreNamedInSummaryAndOnRead() throws {
    let folder = try TemporaryFolder()
    var float32 = TestTIFFPage(
      width: 4, height: 4, bitsPerSample: 32, samples: .init(repeating: 0, count: 16))
    float32.sampleFormat = SAMPLEFORMAT_IEEEFP
    let bilevel = TestTIFFPage(
      width: 8, height: 1, bitsPerSample: 1, samples: .init(repeating: 0, count: 8))
    let cmyk = TestTIFFPage(
      width: 4, height: 4, samplesPerPixel: 4, photometric: PHOTOMETRIC_SEPARATED,
      samples: .init(repeating: 7, count: 64))
    var signed8 = TestTIFFPage(width: 4, height: 4, samples: .init(repeating: 0, count: 16))
    signed8.sampleFormat = SAMPLEFORMAT_INT
    let path = folder.file("odd.tif")
    try TestTIFFWriter.write([float32, bilevel, cmyk, signed8], to: path)

    let summary = try TIFFImageFile.summary(path: path)
    let features = summary.pages.map { $0.unsupportedFeature ?? "" }
    #expect(features[0].contains("32-bit floating-point"))
    #expect(features[1].contains("1-bit"))
    #expect(features[2].contains("CMYK"))
    #expect(features[3].contains("signed 8-bit"))
    let file = try TIFFImageFile(path: path)
    for index in 0..<4 {
      let error = try #require(throws: TIFFError.self) { try file.readPage(index) }
      #expect(error.kind == .unsupported && error.detail == features[index])
      #expect(error.description.contains(path))
    }
  }

  @Test(.enabled(if: TIFFIsCODECConfigured(UInt16(COMPRESSION_JPEG)) != 0))
  func ycbcrJPEGInTIFFIsUnsupported() throws {
    let folder = try TemporaryFolder()
    var page = TestTIFFPage(
      width: 16, height: 16, samplesPerPixel: 3, photometric: PHOTOMETRIC_YCBCR,
      samples: testSamples(count: 768, maximum: 255, seed: 3))
    page.compression = COMPRESSION_JPEG
    page.rowsPerStrip = 16
    page.jpegColorModeRGB = true
    let path = folder.file("jpeg.tif")
    try TestTIFFWriter.write([page], to: path)
    let file = try TIFFImageFile(path: path)
    #expect(file.pages[0].unsupportedFeature?.contains("YCbCr") == true)
    let error = try #require(throws: TIFFError.self) { try file.readPage(0) }
    #expect(error.kind == .unsupported && error.detail.contains("YCbCr"))
  }

  @Test func randomlyDamagedFilesNeverCrash() throws {
    let folder = try TemporaryFolder()
    var tiled = TestTIFFPage(
      width: 40, height: 24, samplesPerPixel: 3, photometric: PHOTOMETRIC_RGB,
      samples: testSamples(count: 2880, maximum: 255, seed: 5))
    tiled.tileSize = (16, 16)
    tiled.compression = COMPRESSION_LZW
    var palette = TestTIFFPage(
      width: 9, height: 9, photometric: PHOTOMETRIC_PALETTE,
      samples: testSamples(count: 81, maximum: 255, seed: 6))
    palette.colormap = (
      (0..<256).map { UInt16($0) }, (0..<256).map { UInt16($0) }, (0..<256).map { UInt16($0) }
    )
    var gray16 = TestTIFFPage(
      width: 30, height: 20, bitsPerSample: 16, rowsPerStrip: 3,
      samples: testSamples(count: 600, maximum: 65_535, seed: 7))
    gray16.compression = COMPRESSION_ADOBE_DEFLATE
    let original = folder.file("original.tif")
    try TestTIFFWriter.write([tiled, palette, gray16], to: original)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: original)))
    let noise = testSamples(count: 3000, maximum: UInt64(UInt32.max), seed: 8)
    var outcomes = (opened: 0, decodedPages: 0)
    for trial in 0..<2000 {
      var damaged = bytes
      for change in 0..<(1 + trial % 6) {
        let value = noise[(trial * 6 + change) % noise.count]
        damaged[Int(value % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: value >> 11)
      }
      let path = try write(damaged, "damaged.tif", in: folder)
      guard let file = try? TIFFImageFile(path: path) else { continue }
      outcomes.opened += 1
      for page in file.pages.indices where (try? file.readPage(page)) != nil {
        outcomes.decodedPages += 1
      }
    }
    print(
      "damaged TIFFs: \(outcomes.opened) of 2000 opened, \(outcomes.decodedPages) pages decoded")
    #expect(outcomes.opened > 0)
  }
}
