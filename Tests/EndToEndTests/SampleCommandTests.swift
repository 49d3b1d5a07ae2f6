import Foundation
import Testing

@Suite struct SampleCommandTests {
  @Test func writesTheStudyThatShowAndRenderRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CommandRunner.run(CommandRunner.annotty, ["sample", folder.path])
    #expect(result.status == 0, "\(result.stderr)")
    let files =
      FileManager.default.enumerator(atPath: folder.path)?
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".dcm") } ?? []
    #expect(files.count == 65)
    let slice = folder.appendingPathComponent("PHANTOM-0001/CT_HEAD/IM0032.dcm").path
    let shown = try CommandRunner.run(
      CommandRunner.annotty, ["show", slice, "--preset", "brain", "--protocol", "blocks"])
    #expect(shown.status == 0, "\(shown.stderr)")
    let mr = folder.appendingPathComponent("PHANTOM-0002/MR_T2_ENHANCED/IM0001.dcm").path
    let frame = try CommandRunner.run(
      CommandRunner.annotty, ["render", mr, "--frame", "24", "--out", folder.path + "/mr.png"])
    #expect(frame.status == 0, "\(frame.stderr)")
  }

  @Test func aFileInTheWayIsBadInput() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-sample-\(UUID().uuidString)")
    try Data("x".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try CommandRunner.run(CommandRunner.annotty, ["sample", file.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("exists and is not a folder"))
  }
}
