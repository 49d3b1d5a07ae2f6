import Foundation
import Testing

@Suite struct ImportCommandTests {
  @Test func importListsStacksWarnsAboutGapsAndIsIdempotent() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let study = root.appendingPathComponent("study").path
    let workspace = root.appendingPathComponent("ws").path
    #expect(try CommandRunner.run(CommandRunner.annotty, ["sample", study]).status == 0)
    // Two slices gone: the CT stack must say so.
    for name in ["IM0030.dcm", "IM0031.dcm"] {
      try FileManager.default.removeItem(atPath: study + "/PHANTOM-0001/CT_HEAD/" + name)
    }
    try Data("notes".utf8).write(to: URL(fileURLWithPath: study + "/README.txt"))

    let first = try CommandRunner.run(CommandRunner.annotty, ["import", study, "-w", workspace])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      first.text.hasPrefix("64 files: 63 new, 0 changed, 0 unchanged, 1 skipped (1 not DICOM)"))
    let again = try CommandRunner.run(CommandRunner.annotty, ["import", study, "-w", workspace])
    #expect(again.text.hasPrefix("64 files: 0 new, 0 changed, 63 unchanged"))

    let listing = try CommandRunner.run(CommandRunner.annotty, ["ls", "-w", workspace]).text
    #expect(listing.contains("62 files, 62 frames"))
    #expect(listing.contains("1 files, 24 frames"))
    #expect(listing.contains("about 2 slices missing"))
  }

  @Test func aMissingPathIsBadInput() throws {
    let workspace = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-ws-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let result = try CommandRunner.run(
      CommandRunner.annotty, ["import", "/nonexistent/folder", "-w", workspace])
    #expect(result.status == 2)
    #expect(result.stderr.contains("/nonexistent/folder: no such file or folder"))
    let listing = try CommandRunner.run(CommandRunner.annotty, ["ls", "-w", workspace + "-typo"])
    #expect(listing.status == 2 && listing.stderr.contains("no workspace here"))
    #expect(!FileManager.default.fileExists(atPath: workspace + "-typo"))
  }

  @Test func copyPutsTheFilesInsideTheWorkspace() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-copy-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let study = root.appendingPathComponent("study").path
    let workspace = root.appendingPathComponent("ws").path
    #expect(try CommandRunner.run(CommandRunner.annotty, ["sample", study]).status == 0)
    let result = try CommandRunner.run(
      CommandRunner.annotty, ["import", study, "-w", workspace, "--copy"])
    #expect(result.status == 0, "\(result.stderr)")
    let copied = workspace + "/images/study/PHANTOM-0001/CT_HEAD/IM0001.dcm"
    #expect(FileManager.default.fileExists(atPath: copied))
    // The originals can go: the workspace refers to its own copies.
    try FileManager.default.removeItem(atPath: study)
    let listing = try CommandRunner.run(CommandRunner.annotty, ["ls", "-w", workspace]).text
    #expect(listing.contains("64 files, 64 frames"))
  }
}
