import Annotations
import ArgumentParser
import DICOM
import Foundation
import Imaging
import Workspace

/// `annotty export`: annotations for ML training (COCO, YOLO, CSV, JSONL) with patient splits.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export annotations as COCO, YOLO, CSV or JSONL, split by patient.",
    discussion: """
      coco and yolo write every frame of each annotated stack as a PNG (windowed with the
      series' default window) under images/<split>/, with annotations/<split>.json (COCO) or
      labels/<split>/*.txt and classes.txt (YOLO). csv writes classifications.csv; jsonl writes
      annotations.jsonl, one annotation per line, which annotty import-annotations reads back.
      No patient is ever in two splits; --seed makes the split repeatable.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case coco, yolo, csv, jsonl
  }

  @OptionGroup var workspace: WorkspaceOption
  @Option(help: "coco, yolo, csv or jsonl.") var format: Format
  @Option(help: "Output folder (created if missing).") var out: String
  @Option(help: "Shares of train,val,test (or train,test) in percent.") var split = "80,10,10"
  @Option(help: "Seed of the patient split.") var seed: UInt64 = 0
  @OptionGroup var phi: PHIGuard

  func validate() throws {
    do {
      _ = try PatientSplit.shares(split)
    } catch {
      throw ValidationError(error.description)
    }
  }

  func run() throws {
    let opened = try workspace.openExisting()
    try phi.check(opened, path: workspace.path, doing: "export")
    let schema = try LabelSchemaFile.load(workspace: workspace.path)
    let annotations: [Annotation]
    let tree: [PatientNode]
    do {
      // Redaction boxes mark burned-in text for de-identification; they are not findings.
      // JSONL keeps them, as it round-trips the workspace.
      let all = try opened.annotations.currentSet().annotations
      annotations = format == .jsonl ? all : all.filter { !Redaction.isRedaction($0) }
      tree = try opened.index.tree()
    } catch {
      throw InputError(path: workspace.path, message: "cannot read the workspace: \(error)")
    }
    var patientOfStudy: [String: String] = [:]
    var patientOfSeries: [String: String] = [:]
    var stacksOfSeries: [String: [StackNode]] = [:]
    for patient in tree {
      for study in patient.studies {
        patientOfStudy[study.studyInstanceUID] = patient.patientID
        for series in study.series {
          patientOfSeries[series.seriesInstanceUID] = patient.patientID
          stacksOfSeries[series.seriesInstanceUID] = series.stacks
        }
      }
    }
    let split = PatientSplit(
      patients: Self.mainLabels(annotations, patientOfStudy: patientOfStudy),
      shares: try PatientSplit.shares(split), seed: seed)
    let outFolder = URL(fileURLWithPath: out)
    try makeFolder(outFolder)

    switch format {
    case .jsonl:
      let lines = try annotations.map { try AnnotationJSON.line($0) + "\n" }.joined()
      try writeOutput(
        Array(lines.utf8), to: outFolder.appendingPathComponent("annotations.jsonl").path)
      print("wrote \(annotations.count) annotations to \(out)/annotations.jsonl")
    case .csv:
      let text = ClassificationCSV.text(annotations, patientIDs: patientOfStudy)
      try writeOutput(
        Array(text.utf8), to: outFolder.appendingPathComponent("classifications.csv").path)
      print(
        "wrote \(text.split(separator: "\n").count - 1) classifications to \(out)/classifications.csv"
      )
    case .coco, .yolo:
      let images = try exportImages(
        annotations, stacksOfSeries: stacksOfSeries, patientOfSeries: patientOfSeries,
        split: split, index: opened.index, into: outFolder)
      let dataset = ExportDataset(images: images, annotations: annotations, schema: schema)
      try writeLabels(dataset, split: split, into: outFolder)
      printStatistics(dataset, split: split)
    }
  }

  /// Each patient's most frequent label (nil without annotations), for a stratified split.
  static func mainLabels(_ annotations: [Annotation], patientOfStudy: [String: String])
    -> [String: String?]
  {
    var counts: [String: [String: Int]] = [:]
    for patient in Set(patientOfStudy.values) { counts[patient] = [:] }
    for annotation in annotations {
      guard let patient = patientOfStudy[annotation.target.studyInstanceUID] else { continue }
      counts[patient, default: [:]][annotation.label, default: 0] += 1
    }
    return counts.mapValues { labels in
      labels.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
  }

  private func exportImages(
    _ annotations: [Annotation], stacksOfSeries: [String: [StackNode]],
    patientOfSeries: [String: String], split: PatientSplit, index: WorkspaceIndex, into folder: URL
  ) throws -> [ExportImage] {
    let annotatedSeries = Set(annotations.compactMap { $0.target.image?.seriesInstanceUID })
    var images: [ExportImage] = []
    var parsedFile: (path: String, file: DICOMFile)?
    for series in annotatedSeries.sorted() {
      let patient = patientOfSeries[series] ?? "unknown"
      let splitName = split.names[split.assignment[patient] ?? 0]
      let studyUID =
        annotations.first { $0.target.image?.seriesInstanceUID == series }?
        .target.studyInstanceUID ?? ""
      for stack in stacksOfSeries[series] ?? [] {
        for frame in try index.frames(ofStack: stack.key) {
          guard let sop = frame.sopInstanceUID else { continue }
          let name = "images/\(splitName)/\(sop)_\(frame.frameNumber).png"
          // Frames of one multi-frame object come in a row: parse its file once for all of them.
          let file: DICOMFile
          if let cached = parsedFile, cached.path == frame.path {
            file = cached.file
          } else {
            file = try readDICOMFile(frame.path)
            parsedFile = (frame.path, file)
          }
          let rendered = try DisplayFrame(
            file: file, path: frame.path, frame: frame.frameNumber, voi: nil)
          let png: [UInt8]
          do {
            png = try PNGEncoder.encode(rendered.image)
          } catch {
            throw InputError(path: frame.path, message: "cannot encode frame \(frame.frameNumber)")
          }
          let target = folder.appendingPathComponent(name)
          try makeFolder(target.deletingLastPathComponent())
          try writeOutput(png, to: target.path)
          images.append(
            ExportImage(
              id: images.count + 1, fileName: name, width: rendered.image.width,
              height: rendered.image.height,
              reference: ImageReference(
                studyInstanceUID: studyUID, seriesInstanceUID: series, sopInstanceUID: sop,
                frame: frame.frameNumber),
              patientID: patient, split: splitName))
        }
      }
    }
    return images
  }

  private func writeLabels(_ dataset: ExportDataset, split: PatientSplit, into folder: URL) throws {
    switch format {
    case .coco:
      for name in split.names {
        let target = folder.appendingPathComponent("annotations/\(name).json")
        try makeFolder(target.deletingLastPathComponent())
        try writeOutput(Array(try COCOWriter.json(dataset, split: name)), to: target.path)
      }
    case .yolo:
      let files = YOLOWriter.labelFiles(dataset)
      for image in dataset.images {
        let base = (image.fileName as NSString).lastPathComponent.replacingOccurrences(
          of: ".png", with: ".txt")
        let target = folder.appendingPathComponent("labels/\(image.split)/\(base)")
        try makeFolder(target.deletingLastPathComponent())
        try writeOutput(Array((files[image.id] ?? "").utf8), to: target.path)
      }
      let classes = YOLOWriter.classNames(dataset)
      try writeOutput(Array(classes.utf8), to: folder.appendingPathComponent("classes.txt").path)
      var yaml = "path: .\n"
      for name in split.names { yaml += "\(name): images/\(name)\n" }
      yaml += "names:\n"
      for (index, label) in dataset.geometricLabels.enumerated() {
        yaml += "  \(index): \(label.name)\n"
      }
      try writeOutput(Array(yaml.utf8), to: folder.appendingPathComponent("data.yaml").path)
    case .csv, .jsonl:
      break
    }
  }

  private func printStatistics(_ dataset: ExportDataset, split: PatientSplit) {
    let counts = split.patientCounts
    for (index, name) in split.names.enumerated() {
      let images = dataset.images.filter { $0.split == name }
      let references = Set(images.map(\.reference))
      let annotations = dataset.annotations.filter {
        $0.target.image.map(references.contains) ?? false
      }
      let byLabel = Dictionary(grouping: annotations, by: \.label).mapValues(\.count)
        .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      print(
        "\(name): \(counts[index]) patients, \(images.count) images, \(annotations.count) annotations"
          + (byLabel.isEmpty ? "" : " (\(byLabel))"))
    }
  }

  private func makeFolder(_ url: URL) throws {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw InputError(
        path: url.path, message: "cannot create the folder (\(error.localizedDescription))")
    }
  }
}
