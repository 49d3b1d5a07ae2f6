import Annotations
import Foundation
import TestSupport
import Testing

/// `annotty deid` and `import --deid` as a user runs them, on pydicom's public test files.
@Suite struct DeidCommandTests {
  static func testFiles() throws -> String {
    try PythonOracle.run(
      "import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), 'data', 'test_files'))"
    ).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  @Test func deidWritesKeyedCopiesSkipsBurnedInRiskAndRedactsByRule() throws {
    let files = try Self.testFiles()
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-deid-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let key = root.appendingPathComponent("keys/deid.key").path
    let inputs = ["CT_small.dcm", "MR_small.dcm", "SC_rgb_rle.dcm"].map { "\(files)/\($0)" }

    let first = try CommandRunner.run(
      CommandRunner.annotty, ["deid"] + inputs + ["--out", root.path + "/a", "--key-file", key])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.text.contains("2 files de-identified"), "\(first.text)")
    #expect(first.text.contains("skipped \(files)/SC_rgb_rle.dcm"), "\(first.text)")
    #expect(first.stderr.contains("created the key"))
    let mode = try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int
    #expect(mode == 0o600)

    // The same key gives the same UIDs, so the same paths; a rule redacts the capture.
    let rules = root.appendingPathComponent("rules.txt").path
    try "* | * | 100x100 | 10,10,30,20\n".write(toFile: rules, atomically: true, encoding: .utf8)
    let second = try CommandRunner.run(
      CommandRunner.annotty,
      ["deid"] + inputs + ["--out", root.path + "/b", "--key-file", key, "--rules", rules])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.text.contains("3 files de-identified"), "\(second.text)")
    #expect(second.text.contains("(1 redacted)"), "\(second.text)")
    let listA = try Self.relativeFiles(root.path + "/a")
    let listB = try Self.relativeFiles(root.path + "/b")
    #expect(listA.count == 2 && Set(listA).isSubset(of: Set(listB)))
    #expect(!listB.contains { $0.contains("CT_small") || $0.contains("1.3.6.1.4.1.5962") })

    // The copies read back, say who they are not, and keep no original value.
    let report = try PythonOracle.run(
      """
      import sys, pydicom, pathlib
      for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.dcm')):
          d = pydicom.dcmread(path)
          print(d.PatientIdentityRemoved, str(d.PatientID)[:5], d.get('BurnedInAnnotation', '-'),
                d.file_meta.TransferSyntaxUID.is_compressed)
      """, arguments: [root.path + "/b"])
    let lines = report.split(separator: "\n")
    #expect(lines.count == 3 && lines.allSatisfy { $0.hasPrefix("YES ANON-") }, "\(report)")
    #expect(lines.contains { $0.contains(" NO ") }, "\(report)")
    #expect(lines.allSatisfy { $0.hasSuffix("False") }, "\(report)")
  }

  @Test func badInputFailsWithExitTwoAndLeavesNoFile() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-deid-bad-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let garbage = root.appendingPathComponent("garbage.dcm").path
    try Data("DICM? not really".utf8).write(to: URL(fileURLWithPath: garbage))
    let result = try CommandRunner.run(
      CommandRunner.annotty,
      ["deid", garbage, "--out", root.path + "/out", "--key-file", root.path + "/k"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("garbage.dcm"), "\(result.stderr)")
    #expect(try Self.relativeFiles(root.path + "/out").isEmpty)
  }

  @Test func aDeidentifiedWorkspaceExportsAndAnotherNeedsAllowPHI() throws {
    let files = try Self.testFiles()
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-deid-ws-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let key = root.appendingPathComponent("deid.key").path
    let clean = root.appendingPathComponent("clean").path
    let imported = try CommandRunner.run(
      CommandRunner.annotty,
      ["import", "\(files)/CT_small.dcm", "--deid", "-w", clean, "--key-file", key])
    #expect(imported.status == 0, "\(imported.stderr)")
    let exported = try CommandRunner.run(
      CommandRunner.annotty,
      ["export", "-w", clean, "--format", "jsonl", "--out", root.path + "/export"])
    #expect(exported.status == 0, "\(exported.stderr)")
    let plainAgain = try CommandRunner.run(
      CommandRunner.annotty, ["import", "\(files)/MR_small.dcm", "-w", clean])
    #expect(plainAgain.status == 2 && plainAgain.stderr.contains("--deid"))

    let raw = root.appendingPathComponent("raw").path
    _ = try CommandRunner.run(
      CommandRunner.annotty, ["import", "\(files)/CT_small.dcm", "-w", raw])
    let refused = try CommandRunner.run(
      CommandRunner.annotty, ["export", "-w", raw, "--format", "csv", "--out", root.path + "/x"])
    #expect(refused.status == 2 && refused.stderr.contains("--allow-phi"), "\(refused.stderr)")
    let syncRefused = try CommandRunner.run(
      CommandRunner.annotty, ["sync", "-w", raw, "--server", "http://127.0.0.1:9"])
    #expect(syncRefused.status == 2 && syncRefused.stderr.contains("--allow-phi"))
  }

  @Test func importAndListFlagBurnedInRisk() throws {
    let files = try Self.testFiles()
    let workspace = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-burned-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let imported = try CommandRunner.run(
      CommandRunner.annotty,
      ["import", "\(files)/SC_rgb_rle.dcm", "\(files)/CT_small.dcm", "-w", workspace])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.text.contains("1 images may carry burned-in text"), "\(imported.text)")
    let listed = try CommandRunner.run(CommandRunner.annotty, ["ls", "-w", workspace])
    #expect(listed.text.contains("1 files may carry burned-in text"), "\(listed.text)")
  }

  static func relativeFiles(_ folder: String) throws -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".dcm") }.sorted()
  }
}

extension DeidCommandTests {
  /// A redaction box in the workspace (drawn with D in annotty open, or imported) is blanked in
  /// the de-identified copy, and only there.
  @Test func redactionBoxesOfAWorkspaceAreBlanked() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-redact-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let sample = root.appendingPathComponent("sample").path
    _ = try CommandRunner.run(CommandRunner.annotty, ["sample", sample])
    _ = try CommandRunner.run(CommandRunner.annotty, ["import", sample, "-w", sample])
    let slice = sample + "/PHANTOM-0001/CT_HEAD/IM0036.dcm"
    let uids = try PythonOracle.run(
      "import sys, pydicom; d = pydicom.dcmread(sys.argv[1]); "
        + "print(d.StudyInstanceUID, d.SeriesInstanceUID, d.SOPInstanceUID)",
      arguments: [slice]
    ).split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    let box = Annotation(
      id: "00000000-0000-4000-8000-00000000beef", label: Redaction.label,
      shape: .box(BoundingBox(x: 230, y: 250, width: 50, height: 20)),
      target: .image(
        ImageReference(
          studyInstanceUID: uids[0], seriesInstanceUID: uids[1], sopInstanceUID: uids[2])),
      author: "tester", createdAt: Timestamp(millisecondsSinceEpoch: 1_780_000_000_000))
    let line = try AnnotationJSON.line(box) + "\n"
    let jsonl = root.appendingPathComponent("redact.jsonl").path
    try line.write(toFile: jsonl, atomically: true, encoding: .utf8)
    let imported = try CommandRunner.run(
      CommandRunner.annotty, ["import-annotations", jsonl, "-w", sample])
    #expect(imported.status == 0, "\(imported.stderr) \(imported.text)")

    let out = root.appendingPathComponent("out").path
    let result = try CommandRunner.run(
      CommandRunner.annotty,
      ["deid", "-w", sample, "--out", out, "--key-file", root.path + "/k"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.text.contains("(1 redacted)"), "\(result.text)")
    // Inside the head both regions hold tissue; only the box is blank in the one redacted copy.
    let check = try PythonOracle.run(
      """
      import sys, pathlib, pydicom
      for path in pathlib.Path(sys.argv[1]).rglob('*.dcm'):
          a = pydicom.dcmread(path).pixel_array
          if a.ndim == 2 and a.shape[0] >= 300 and a[250:270, 230:280].max() == 0:
              print(int(a[280:300, 230:280].min()))
      """, arguments: [out])
    let numbers = check.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    #expect(numbers.count == 1 && numbers[0] > 0, "\(check)")
  }
}
