import Foundation
import TestSupport
import Testing

/// The ML engineer's path: sample study, import, annotations in, every export format out.
@Suite(.serialized) struct ExportCommandTests {
  private func uid(_ keyword: String, in file: String) throws -> String {
    let info = try CommandRunner.run(CommandRunner.annotty, ["info", file]).text
    let line = try #require(info.split(separator: "\n").first { $0.contains(" \(keyword) ") })
    return String(try #require(line.split(separator: " ").last))
  }

  private func annotationLines(study: String, series: String, sop: String) -> String {
    let image =
      #""target":{"frame":1,"level":"image","series_uid":"\#(series)","sop_instance_uid":"\#(sop)","study_uid":"\#(study)"}"#
    let times = #""created_at":"2026-03-01T09:30:00.000Z","updated_at":"2026-03-01T09:30:00.000Z""#
    return [
      #"{"attributes":{"subtype":"subdural"},"author":"r1","box":{"height":40,"width":50,"x":300,"y":180},"id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","kind":"box","label":"hemorrhage","revision":1,"status":"submitted",\#(image),\#(times)}"#,
      #"{"attributes":{},"author":"r1","points":[[100,100],[160,100],[130,150]],"id":"2b4e28ba-2fa1-41d2-883f-0016d3cca427","kind":"polygon","label":"mass","revision":1,"status":"submitted",\#(image),\#(times)}"#,
      #"{"answers":["diagnostic"],"attributes":{},"author":"r1","id":"3b4e28ba-2fa1-41d2-883f-0016d3cca427","kind":"classification","label":"study_quality","revision":1,"status":"submitted","target":{"level":"study","study_uid":"\#(study)"},\#(times)}"#,
    ].joined(separator: "\n") + "\n"
  }

  @Test func annotationsGoOutAsCocoYoloCsvAndJsonlAndComeBack() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-export-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let study = root.appendingPathComponent("study").path
    let workspace = root.appendingPathComponent("ws").path
    let out = root.appendingPathComponent("out").path
    #expect(try CommandRunner.run(CommandRunner.annotty, ["sample", study]).status == 0)
    #expect(
      try CommandRunner.run(CommandRunner.annotty, ["import", study, "-w", workspace]).status == 0)
    let slice = study + "/PHANTOM-0001/CT_HEAD/IM0032.dcm"
    let jsonl = root.appendingPathComponent("in.jsonl")
    try annotationLines(
      study: try uid("StudyInstanceUID", in: slice),
      series: try uid("SeriesInstanceUID", in: slice),
      sop: try uid("SOPInstanceUID", in: slice)
    ).write(to: jsonl, atomically: true, encoding: .utf8)
    let added = try CommandRunner.run(
      CommandRunner.annotty, ["import-annotations", jsonl.path, "-w", workspace])
    #expect(added.text == "3 added, 0 updated, 0 unchanged\n", "\(added.stderr)")

    let coco = try CommandRunner.run(
      CommandRunner.annotty,
      ["export", "--allow-phi", "-w", workspace, "--format", "coco", "--out", out + "/coco"])
    #expect(coco.status == 0, "\(coco.stderr)")
    #expect(
      coco.text.contains("train: 2 patients, 64 images, 2 annotations (hemorrhage 1, mass 1)"))
    let report = try PythonOracle.run(
      """
      import sys
      from pycocotools.coco import COCO
      c = COCO(sys.argv[1])
      anns = c.loadAnns(c.getAnnIds())
      print(len(c.getImgIds()), len(anns), sorted(a["bbox"] for a in anns))
      """, arguments: [out + "/coco/annotations/train.json"])
    #expect(
      report.split(separator: "\n").last
        == "64 2 [[100, 100, 60, 50], [300, 180, 50, 40]]")

    let yolo = try CommandRunner.run(
      CommandRunner.annotty,
      ["export", "--allow-phi", "-w", workspace, "--format", "yolo", "--out", out + "/yolo"])
    #expect(yolo.status == 0, "\(yolo.stderr)")
    let sop = try uid("SOPInstanceUID", in: slice)
    let labels = try String(
      contentsOfFile: out + "/yolo/labels/train/\(sop)_1.txt", encoding: .utf8)
    #expect(
      labels == "0 0.634766 0.390625 0.097656 0.078125\n2 0.253906 0.244141 0.117188 0.097656\n")

    let csv = try CommandRunner.run(
      CommandRunner.annotty,
      ["export", "--allow-phi", "-w", workspace, "--format", "csv", "--out", out + "/csv"])
    #expect(csv.status == 0)
    let rows = try String(contentsOfFile: out + "/csv/classifications.csv", encoding: .utf8)
      .split(separator: "\n")
    #expect(rows.count == 2 && rows[1].contains(",PHANTOM-0001,study_quality,diagnostic,r1,"))

    // JSONL round trip: export, import into a fresh workspace, export again: the same lines.
    #expect(
      try CommandRunner.run(
        CommandRunner.annotty,
        ["export", "--allow-phi", "-w", workspace, "--format", "jsonl", "--out", out + "/a"]
      ).status == 0)
    let second = root.appendingPathComponent("ws2").path
    #expect(
      try CommandRunner.run(CommandRunner.annotty, ["import", study, "-w", second]).status == 0)
    #expect(
      try CommandRunner.run(
        CommandRunner.annotty, ["import-annotations", out + "/a/annotations.jsonl", "-w", second]
      ).status == 0)
    #expect(
      try CommandRunner.run(
        CommandRunner.annotty,
        ["export", "--allow-phi", "-w", second, "--format", "jsonl", "--out", out + "/b"]
      ).status == 0)
    let first = try String(contentsOfFile: out + "/a/annotations.jsonl", encoding: .utf8)
    let again = try String(contentsOfFile: out + "/b/annotations.jsonl", encoding: .utf8)
    #expect(first.split(separator: "\n").count == 3)
    #expect(first == again)
  }

  @Test func badAnnotationLinesImportNothingAndSayWhichLine() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-badjsonl-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let file = root.appendingPathComponent("bad.jsonl")
    try "{\"id\": 1}\nnot json\n".write(to: file, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(
      CommandRunner.annotty,
      ["import-annotations", file.path, "-w", root.appendingPathComponent("ws").path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("line 1:") && result.stderr.contains("line 2:"))
    #expect(result.stderr.contains("nothing imported"))
  }
}
