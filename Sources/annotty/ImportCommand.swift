import ArgumentParser
import Foundation
import Workspace

/// `annotty import`: index DICOM files into a workspace (headers only; unchanged files skipped).
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Index DICOM files and folders into a workspace.",
    discussion: """
      Folders are walked recursively and only headers are read. Files already indexed with the
      same size and modification time are skipped, so importing again is cheap and changes
      nothing. Series are assembled into stacks (split by orientation, size, echo, time...) and
      checked for missing slices, irregular spacing, gantry tilt and duplicate positions.
      """)

  @Argument(help: "Files or folders to import.") var paths: [String]
  @OptionGroup var workspace: WorkspaceOption
  @Flag(help: "Copy the files into the workspace's images/ folder first.") var copy = false
  @Flag(
    help:
      "De-identify the files into the workspace's images/ folder first and mark the workspace (see annotty deid --help)."
  )
  var deid = false
  @OptionGroup var deidOptions: DeidOptions

  func run() throws {
    let opened = try workspace.open()
    let marked = try opened.settings.deidentificationMethod()
    var sources = paths
    if deid {
      let indexed = try opened.index.instanceCount()
      guard marked != nil || indexed == 0 else {
        throw InputError(
          path: workspace.path,
          message:
            "this workspace already holds images that were not de-identified; use a new workspace for --deid"
        )
      }
      sources = try deidentifyIntoWorkspace(opened)
    } else if marked != nil {
      throw InputError(
        path: workspace.path,
        message: "this workspace holds de-identified images only: import with --deid")
    } else if copy {
      sources = try copyIntoWorkspace(paths, workspace: workspace.path)
    }
    let bar = ProgressBar(label: "importing")
    let report: ImportReport
    do {
      report = try Importer(workspace: opened).run(paths: sources) { bar.update($0, of: $1) }
    } catch let error as ImportError {
      bar.finish()
      throw InputError(path: error.path, message: error.message)
    }
    bar.finish()
    var line =
      "\(report.filesSeen) files: \(report.inserted) new, \(report.updated) changed, "
      + "\(report.unchanged) unchanged"
    let skipped = report.skipped.values.reduce(0, +)
    if skipped > 0 {
      let reasons = report.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
      line += ", \(skipped) skipped (\(reasons.joined(separator: ", ")))"
    }
    if !report.failures.isEmpty { line += ", \(report.failures.count) unreadable" }
    print(line)
    for folder in report.foldersFromDICOMDIR {
      print("\(folder): imported the files its DICOMDIR lists")
    }
    for stale in report.staleDICOMDIRs { print("\(stale); walked the folder instead") }
    if report.burnedInRisk > 0 {
      print(
        "\(report.burnedInRisk) images may carry burned-in text (ultrasound, secondary capture or "
          + "Burned In Annotation YES): annotty deid skips them unless redaction rules cover them")
    }
    if report.stacks > 0 {
      print("\(report.stacks) stacks assembled, \(report.warnings) warnings (see annotty ls)")
    }
    for failure in report.failures.prefix(20) {
      FileHandle.standardError.write(Data("annotty: \(failure)\n".utf8))
    }
  }

  /// De-identified copies under images/ (new UIDs as names), then the mark.
  private func deidentifyIntoWorkspace(_ opened: Workspace) throws -> [String] {
    let images = URL(fileURLWithPath: workspace.path).appendingPathComponent("images").path
    let cleaner = try deidOptions.fileDeidentifier()
    let summary = cleaner.deidentifyAll(try FileWalker.files(under: paths), into: images)
    try opened.settings.markDeidentified(method: cleaner.method)
    return summary.writtenPaths
  }

  private func copyIntoWorkspace(_ paths: [String], workspace: String) throws -> [String] {
    let images = URL(fileURLWithPath: workspace).appendingPathComponent("images")
    var copies: [String] = []
    for path in paths {
      let source = URL(fileURLWithPath: path).standardizedFileURL
      let target = images.appendingPathComponent(source.lastPathComponent)
      do {
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: target.path) {
          try FileManager.default.copyItem(at: source, to: target)
        }
      } catch {
        throw InputError(path: path, message: "cannot be copied (\(error.localizedDescription))")
      }
      copies.append(target.path)
    }
    return copies
  }
}
