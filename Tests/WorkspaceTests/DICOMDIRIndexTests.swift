import DICOM
import Foundation
import Testing

@testable import Workspace

@Suite struct DICOMDIRIndexTests {
  private func writeDICOMDIR(in folder: URL, listing files: [[String]]) throws {
    var root = WritableDataSet()
    let records = files.map { components -> WritableDataSet in
      var record = WritableDataSet()
      record.set(Tag(0x0004_1430), .CS, "IMAGE")
      record.set(Tag(0x0004_1500), .CS, components)
      return record
    }
    root.setSequence(Tag(0x0004_1220), records)
    let bytes = try DICOMWriter.part10(
      root, sopClassUID: "1.2.840.10008.1.3.10", sopInstanceUID: "2.25.42")
    try bytes.write(to: folder.appendingPathComponent("DICOMDIR"))
  }

  @Test func aCompleteDICOMDIRIsTheFileListAndAStaleOneIsNot() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-dicomdir-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("A/B"), withIntermediateDirectories: true)
    for name in ["A/B/1", "A/B/2", "unlisted"] {
      try Data("x".utf8).write(to: folder.appendingPathComponent(name))
    }
    try writeDICOMDIR(in: folder, listing: [["A", "B", "1"], ["A", "B", "2"]])
    #expect(
      DICOMDIRIndex.read(folder: folder.path)
        == .files([folder.path + "/A/B/1", folder.path + "/A/B/2"]))
    try FileManager.default.removeItem(at: folder.appendingPathComponent("A/B/2"))
    #expect(DICOMDIRIndex.read(folder: folder.path) == .stale(missing: 1, of: 2))
    #expect(DICOMDIRIndex.read(folder: folder.path + "/A") == nil)
  }

  @Test func pathsThatClimbOutOfTheFolderAreIgnored() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-dicomdir-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try writeDICOMDIR(in: folder, listing: [["..", "etc", "passwd"]])
    #expect(DICOMDIRIndex.read(folder: folder.path) == .unusable("it lists no files"))
  }
}
