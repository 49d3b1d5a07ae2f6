import CTIFF
import Foundation
import TIFF
import Testing

/// The header probe agrees with a full open, is fast, and libtiff stays silent throughout.
struct TIFFSummaryTests {
  @Test func summaryListsEveryPageLikeAFullOpen() throws {
    let folder = try TemporaryFolder()
    var rgbPage = TestTIFFPage(
      width: 20, height: 10, samplesPerPixel: 3, bitsPerSample: 16,
      photometric: PHOTOMETRIC_RGB, samples: .init(repeating: 1, count: 600))
    rgbPage.planar = PLANARCONFIG_SEPARATE
    rgbPage.compression = COMPRESSION_LZW
    var tiled = TestTIFFPage(width: 40, height: 30, samples: .init(repeating: 2, count: 1200))
    tiled.tileSize = (16, 16)
    tiled.resolution = (x: 10, y: 10, unit: RESUNIT_CENTIMETER)
    let path = folder.file("mixed.tif")
    try TestTIFFWriter.write([rgbPage, tiled], to: path)

    let summary = try TIFFImageFile.summary(path: path)
    #expect(summary.path == path)
    #expect(summary.pages == (try TIFFImageFile(path: path)).pages)
    #expect(summary.pages.map { $0.width } == [20, 40])
    #expect(summary.pages[0].photometric == .rgb && summary.pages[0].bitsPerSample == 16)
    #expect(summary.pages[0].planarConfiguration == .separate)
    #expect(summary.pages[0].compression == Int(COMPRESSION_LZW))
    #expect(summary.pages[1].isTiled)
    #expect(summary.pages[1].pixelSpacing == TIFFPixelSpacing(columnSpacing: 1, rowSpacing: 1))
  }

  @Test func summarizingManyFilesCountsEveryPage() throws {
    let folder = try TemporaryFolder()
    let page = TestTIFFPage(
      width: 64, height: 64, bitsPerSample: 16, rowsPerStrip: 1,
      samples: .init(repeating: 3, count: 4096))
    let fileCount = 300
    for index in 0..<fileCount {
      try TestTIFFWriter.write([page, page, page], to: folder.file("\(index).tif"))
    }
    var pageCount = 0
    for index in 0..<fileCount {
      pageCount += try TIFFImageFile.summary(path: folder.file("\(index).tif")).pages.count
    }
    #expect(pageCount == fileCount * 3)
  }

  @Test func libtiffNeverWritesToStandardError() throws {
    let folder = try TemporaryFolder()
    let capture = folder.file("stderr.txt")
    let garbage = folder.file("garbage.tif")
    try Data("not a tiff".utf8).write(to: URL(fileURLWithPath: garbage))
    let shortStrip = folder.file("short.tif")
    try Data(handmadeTIFF(width: 64, height: 64, pixelBytes: 10, unknownTag: true))
      .write(to: URL(fileURLWithPath: shortStrip))
    let missing = folder.file("missing.tif")

    let text = try capturingStandardError(into: capture) {
      _ = try? TIFFImageFile(path: garbage)
      _ = try? TIFFImageFile.summary(path: missing)
      _ = try? TIFFImageFile(path: folder.path)
      let file = try TIFFImageFile(path: shortStrip)
      #expect(throws: TIFFError.self) { try file.readPage(0) }
      _ = "capture works\n".withCString { write(2, $0, strlen($0)) }
    }
    #expect(text.contains("capture works"))
    for fragment in [folder.path, "TIFF", "Unknown field", "Read error"] {
      #expect(!text.contains(fragment), "stderr received: \(text)")
    }
  }

  /// Runs `body` with file descriptor 2 redirected to `path` and returns what was written.
  private func capturingStandardError(into path: String, _ body: () throws -> Void) throws
    -> String
  {
    fflush(nil)
    let saved = dup(2)
    let target = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    #expect(saved >= 0 && target >= 0)
    dup2(target, 2)
    defer {
      fflush(nil)
      dup2(saved, 2)
      close(saved)
      close(target)
    }
    try body()
    fflush(nil)
    return try String(contentsOfFile: path, encoding: .utf8)
  }
}
