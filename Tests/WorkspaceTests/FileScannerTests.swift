import DICOM
import Foundation
import SampleData
import Testing

@testable import Workspace

@Suite struct FileScannerTests {
  private func scratchFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-scan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func walkerFindsFilesRecursivelySortedAndSkipsTheWorkspace() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["b/2.dcm", "a/1.dcm", "a/deeper/3.dcm", "annotty.sqlite", "labels.toml"] {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("x".utf8).write(to: url)
    }
    let files = try FileWalker.files(under: [
      folder.path, folder.appendingPathComponent("a/1.dcm").path,
    ])
    #expect(
      files.map { String($0.dropFirst(folder.path.count + 1)) } == [
        "a/1.dcm", "a/deeper/3.dcm", "b/2.dcm",
      ])
    #expect(throws: ImportError.self) { try FileWalker.files(under: [folder.path + "/missing"]) }
  }

  @Test func imagesNonImagesAndBrokenFilesAreTold() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let study = try SyntheticStudy.files()
    let slice = folder.appendingPathComponent("slice.dcm")
    try study[0].bytes.write(to: slice)
    let text = folder.appendingPathComponent("notes.txt")
    try Data("not an image".utf8).write(to: text)
    let truncated = folder.appendingPathComponent("truncated.dcm")
    try study[0].bytes.prefix(400).write(to: truncated)

    guard case .dicomImage(let instance) = FileScanner.scan(path: slice.path) else {
      Issue.record("the CT slice was not recognised as an image")
      return
    }
    let fingerprint = instance.file
    let summary = instance.summary
    #expect(fingerprint.size == Int64(study[0].bytes.count))
    #expect(fingerprint.sha256.count == 64)
    #expect(instance.studyDate == "20260101")
    #expect(summary.rows == 512 && summary.columns == 512)
    guard case .notImage(_, let reason) = FileScanner.scan(path: text.path) else {
      Issue.record("a text file must be skipped as not an image")
      return
    }
    #expect(reason == "not DICOM")
    if case .dicomImage = FileScanner.scan(path: truncated.path) {
      Issue.record("a truncated header must not be indexed as an image")
    }
  }

  @Test func sha256MatchesAKnownDigest() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("abc")
    try Data("abc".utf8).write(to: file)
    let fingerprint = try FileHashing.fingerprint(bytes: Data("abc".utf8), path: file.path)
    #expect(
      fingerprint.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(fingerprint.size == 3)
  }

  @Test func tiffFilesAreIndexedWithUIDsDerivedFromTheirFolder() throws {
    let folder = try scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A 3 x 2 gray image as PGM, turned into TIFF by netpbm's pnmtotiff (Scripts/bootstrap).
    let pgm = folder.appendingPathComponent("x.pgm")
    try Data("P5\n3 2\n255\n".utf8 + [0, 50, 100, 150, 200, 250]).write(to: pgm)
    let tiff = folder.appendingPathComponent("x.tif")
    let converter = try #require(
      ["/usr/bin/pnmtotiff", "/usr/local/bin/pnmtotiff"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }, "pnmtotiff is missing: Scripts/bootstrap installs netpbm")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: converter)
    process.arguments = [pgm.path]
    process.standardOutput = try FileHandle(
      forWritingTo: {
        _ = FileManager.default.createFile(atPath: tiff.path, contents: nil)
        return tiff
      }())
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard case .dicomImage(let instance) = FileScanner.scan(path: tiff.path) else {
      Issue.record("the TIFF was not indexed as an image")
      return
    }
    #expect(instance.summary.columns == 3 && instance.summary.rows == 2)
    #expect(instance.summary.modality == "OT" && instance.summary.numberOfFrames == 1)
    #expect(instance.summary.sopInstanceUID?.hasPrefix("2.25.") == true)
    #expect(
      instance.summary.seriesInstanceUID == DeterministicUID.make("tiff-series:" + folder.path))
  }
}
