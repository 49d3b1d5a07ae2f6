import DICOM
import Foundation

/// What one `annotty import` did, for its summary line.
public struct ImportReport: Sendable {
  public var filesSeen = 0
  public var inserted = 0
  public var updated = 0
  public var unchanged = 0
  /// Files skipped as not images, counted by reason ("not DICOM", "DICOMDIR"...).
  public var skipped: [String: Int] = [:]
  public var failures: [ImportError] = []
  /// Stacks (re)assembled for the series this import touched.
  public var stacks = 0
  public var warnings = 0
  /// Folders imported from their DICOMDIR, and DICOMDIRs found stale (the folder was walked).
  public var foldersFromDICOMDIR: [String] = []
  public var staleDICOMDIRs: [String] = []
  /// Imported images that may carry burned-in text (Burned In Annotation YES, US, SC).
  public var burnedInRisk = 0

  public init() {}
}

/// Indexes files into a workspace: headers only, unchanged files skipped by size and time,
/// series touched by new or changed files re-assembled from all their indexed files.
public struct Importer {
  public let workspace: Workspace
  /// Files read between two writes to the database.
  public var batchSize = 256

  public init(workspace: Workspace) {
    self.workspace = workspace
  }

  /// Imports every file under `paths`; `progress(done, total)` is called as files are read.
  public func run(paths: [String], progress: (Int, Int) -> Void = { _, _ in }) throws
    -> ImportReport
  {
    var report = ImportReport()
    var walked: [String] = []
    var listed: [String] = []
    for path in paths {
      switch DICOMDIRIndex.read(folder: path) {
      case .files(let files):
        report.foldersFromDICOMDIR.append(path)
        listed += files
      case .stale(let missing, let total):
        report.staleDICOMDIRs.append("\(path): \(missing) of \(total) listed files are missing")
        walked.append(path)
      case .unusable(let reason):
        report.staleDICOMDIRs.append("\(path): DICOMDIR not used (\(reason))")
        walked.append(path)
      case nil:
        walked.append(path)
      }
    }
    let files = Array(Set(try FileWalker.files(under: walked) + listed)).sorted()
    report.filesSeen = files.count
    var batch: [IndexedInstance] = []
    var touchedSeries = Set<String>()
    // Summaries read in this run, so series assembly re-reads only files imported earlier.
    var scanned: [String: InstanceSummary] = [:]

    func flush() throws {
      guard !batch.isEmpty else { return }
      let summary = try workspace.index.upsert(instances: batch)
      report.inserted += summary.inserted
      report.updated += summary.updated
      report.unchanged += summary.unchanged
      batch.removeAll(keepingCapacity: true)
    }

    let known = try workspace.index.fingerprints()
    for (done, path) in files.enumerated() {
      defer { progress(done + 1, files.count) }
      if let fingerprint = known[path], let (size, time) = try? FileHashing.stat(path: path),
        fingerprint.matches(size: size, modificationTimeNanoseconds: time)
      {
        report.unchanged += 1
        continue
      }
      switch FileScanner.scan(path: path) {
      case .dicomImage(let instance):
        if let series = instance.summary.seriesInstanceUID { touchedSeries.insert(series) }
        if instance.headerJSON?.contains("burned_in_risk") == true { report.burnedInRisk += 1 }
        scanned[instance.file.path] = instance.summary
        batch.append(instance)
        if batch.count >= batchSize { try flush() }
      case .notImage(_, let reason):
        report.skipped[reason, default: 0] += 1
      case .failed(let error):
        report.failures.append(error)
      }
    }
    try flush()

    for series in touchedSeries.sorted() {
      let summaries = try workspace.index.instances(seriesInstanceUID: series).compactMap {
        stored -> InstanceSummary? in
        if let summary = scanned[stored.file.path] { return summary }
        guard case .dicomImage(let instance) = FileScanner.scan(path: stored.file.path) else {
          return nil
        }
        return instance.summary
      }
      let stacks = SeriesAssembler.assemble(summaries)
      _ = try workspace.index.replaceStacks(stacks)
      report.stacks += stacks.count
      report.warnings += stacks.reduce(0) { $0 + $1.warnings.count }
    }
    return report
  }
}
