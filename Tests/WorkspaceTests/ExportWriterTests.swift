import Annotations
import Foundation
import TestSupport
import Testing

@testable import Workspace

@Suite struct ExportWriterTests {
  let schema = LabelSchema.default

  private func image(_ id: Int, split: String = "train") -> ExportImage {
    ExportImage(
      id: id, fileName: "images/\(split)/2.25.\(id)_1.png", width: 512, height: 256,
      reference: ImageReference(
        studyInstanceUID: "2.25.100", seriesInstanceUID: "2.25.200", sopInstanceUID: "2.25.\(id)",
        frame: 1),
      patientID: "P\(id % 2)", split: split)
  }

  private func annotation(
    _ id: Int, label: String, shape: AnnotationShape, on image: ExportImage
  ) -> Annotation {
    Annotation(
      id: String(format: "00000000-0000-4000-8000-%012d", id), label: label, shape: shape,
      target: .image(image.reference), attributes: [:], author: "tester",
      createdAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000),
      updatedAt: Timestamp(millisecondsSinceEpoch: 1_700_000_000_000), revision: 1,
      status: .submitted)
  }

  private var dataset: ExportDataset {
    let images = [image(1), image(2), image(3, split: "val")]
    let finding = schema.labels.first { $0.kinds.contains(.box) }!.name
    let outlined = schema.labels.first { $0.kinds.contains(.polygon) }!.name
    return ExportDataset(
      images: images,
      annotations: [
        annotation(
          1, label: finding, shape: .box(.init(x: 10, y: 20, width: 30, height: 40)), on: images[0]),
        annotation(
          2, label: outlined,
          shape: .polygon([.init(x: 100, y: 100), .init(x: 200, y: 100), .init(x: 200, y: 150)]),
          on: images[1]),
        annotation(
          3, label: finding, shape: .box(.init(x: 0, y: 0, width: 512, height: 256)), on: images[2]),
      ], schema: schema)
  }

  @Test func cocoLoadsInPycocotoolsWithTheRightCountsAndGeometry() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-coco-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("train.json").path
    try COCOWriter.json(dataset, split: "train").write(to: URL(fileURLWithPath: path))
    let report = try PythonOracle.run(
      """
      import json, sys
      from pycocotools.coco import COCO
      coco = COCO(sys.argv[1])
      anns = coco.loadAnns(coco.getAnnIds())
      out = {"images": len(coco.getImgIds()), "anns": len(anns), "cats": len(coco.getCatIds()),
             "bbox": [a["bbox"] for a in anns], "area": [a["area"] for a in anns],
             "mask": [int(coco.annToMask(a).sum()) for a in anns if a["segmentation"]]}
      print(json.dumps(out))
      """, arguments: [path])
    struct Report: Decodable {
      var images: Int
      var anns: Int
      var cats: Int
      var bbox: [[Double]]
      var area: [Double]
      var mask: [Int]
    }
    // pycocotools prints its progress to stdout too: the report is the last line.
    let last = report.split(separator: "\n").last.map(String.init) ?? ""
    let parsed = try JSONDecoder().decode(Report.self, from: Data(last.utf8))
    #expect(parsed.images == 2 && parsed.anns == 2)
    #expect(parsed.cats == dataset.geometricLabels.count)
    #expect(parsed.bbox == [[10, 20, 30, 40], [100, 100, 100, 50]])
    #expect(parsed.area == [1200, 2500])
    // A rasterised triangle of area 2500 covers about that many pixels.
    #expect(parsed.mask.count == 1 && abs(parsed.mask[0] - 2500) < 150)
  }

  @Test func yoloLinesAreNormalisedCentres() {
    let files = YOLOWriter.labelFiles(dataset)
    let classIndex = dataset.geometricLabels.firstIndex { $0.kinds.contains(.box) }!
    #expect(files[1] == "\(classIndex) 0.048828 0.15625 0.058594 0.15625\n")
    #expect(files[3] == "\(classIndex) 0.5 0.5 1 1\n")
    let parsed = files[2]!.split(separator: " ").dropFirst().map {
      Double($0.trimmingCharacters(in: .whitespacesAndNewlines))!
    }
    #expect(abs(parsed[0] - 150.0 / 512) < 1e-6 && abs(parsed[1] - 125.0 / 256) < 1e-6)
    #expect(
      YOLOWriter.classNames(dataset).split(separator: "\n").count == dataset.geometricLabels.count)
  }

  @Test func classificationCSVQuotesAndParsesBack() {
    let question = schema.questions.first { $0.level == .study }!
    var answer = annotation(
      9, label: question.id, shape: .classification(answers: [question.choices[0].name]),
      on: image(1))
    answer.target = .study(studyInstanceUID: "2.25.100")
    let text = ClassificationCSV.text([answer], patientIDs: ["2.25.100": "P,1"])
    let lines = text.split(separator: "\n")
    #expect(lines.count == 2 && lines[0] == Substring(ClassificationCSV.header))
    #expect(lines[1].hasPrefix("study,2.25.100,,,,\"P,1\",\(question.id),"))
    #expect(ClassificationCSV.quote("a\"b") == "\"a\"\"b\"")
  }
}
