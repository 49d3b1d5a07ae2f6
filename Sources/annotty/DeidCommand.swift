import Annotations
import ArgumentParser
import Deidentification
import Foundation
import Workspace

/// `annotty deid`: de-identified copies of DICOM files (PS3.15 Basic Profile).
struct DeidCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deid",
    abstract: "Write de-identified copies of DICOM files (PS3.15 Annex E Basic Profile).",
    discussion: DeidOptions.discussion)

  @Argument(help: "DICOM files or folders (or none with --workspace).") var inputs: [String] = []
  @Option(help: "The folder for the copies (STUDY/SERIES/SOP.dcm, new UIDs).") var out: String
  @Option(
    name: [.customShort("w"), .customLong("workspace")],
    help: "De-identify a workspace's images, blanking the redaction boxes drawn in annotty open.")
  var workspace: String?
  @OptionGroup var deid: DeidOptions

  func validate() throws {
    guard !inputs.isEmpty || workspace != nil else {
      throw ValidationError("give DICOM files or folders, or --workspace")
    }
  }

  func run() throws {
    var files = try inputs.isEmpty ? [] : FileWalker.files(under: inputs)
    var boxes: [String: [RedactionRectangle]] = [:]
    if let workspace {
      let opened = try WorkspaceOption.parse(["-w", workspace]).openExisting()
      files += try opened.index.fingerprints().keys.sorted()
      boxes = try Self.redactionBoxes(opened)
    }
    let summary = try deid.fileDeidentifier().deidentifyAll(
      files, into: out, extraRectangles: boxes)
    if summary.failed > 0 { throw ExitCode(2) }
  }

  /// Redaction boxes by SOP Instance UID, in whole pixels covering each box.
  static func redactionBoxes(_ workspace: Workspace) throws -> [String: [RedactionRectangle]] {
    var boxes: [String: [RedactionRectangle]] = [:]
    for annotation in try workspace.annotations.currentSet().annotations
    where Redaction.isRedaction(annotation) {
      guard case .box(let box) = annotation.shape, let image = annotation.target.image else {
        continue
      }
      let left = Int(box.x.rounded(.down))
      let top = Int(box.y.rounded(.down))
      let right = Int((box.x + box.width).rounded(.up))
      let bottom = Int((box.y + box.height).rounded(.up))
      boxes[image.sopInstanceUID, default: []].append(
        RedactionRectangle(
          x: max(0, left), y: max(0, top), width: max(1, right - max(0, left)),
          height: max(1, bottom - max(0, top))))
    }
    return boxes
  }
}

/// Options shared by `annotty deid` and `annotty import --deid`.
struct DeidOptions: ParsableArguments {
  static let discussion = """
    Applies the Basic Application Level Confidentiality Profile of PS3.15 Annex E (the table is
    generated from the standard by Scripts/generate-deid-profile; the edition is written into
    De-identification Method): identifying attributes removed, emptied or replaced at any depth,
    private elements removed, UIDs replaced by a keyed hash (the same key gives the same UIDs in
    every run and file, so references stay intact), Patient ID and Name replaced by a keyed
    pseudonym (patient-level splits still work), Patient Identity Removed = YES.

    The key lives in --key-file (default $XDG_CONFIG_HOME/annotty/deid.key), created with mode
    0600 on first use. Keep it and back it up: without it, files de-identified later get other
    UIDs and pseudonyms and no longer match the earlier ones; with it, someone who knows an
    original UID or Patient ID can recompute its replacement, so guard it like PHI.

    Files that may carry burned-in text (Burned In Annotation = YES, ultrasound, secondary
    capture) are skipped unless a --rules entry gives rectangles to blank for them (then the copy
    is uncompressed and says Burned In Annotation = NO), or --keep-flagged says you checked them.
    Rules: one per line, "manufacturer | model | ROWSxCOLS | x,y,w,h; x,y,w,h" (* matches any).
    """

  @Option(help: "The key file (created with mode 0600 when missing).") var keyFile: String?
  @Option(help: "Redaction rules for burned-in text.") var rules: String?
  @Flag(help: "Shift dates by a keyed per-patient offset instead of removing them.")
  var shiftDates = false
  @Flag(help: "Also write files with burned-in risk that no rule redacts (after checking them).")
  var keepFlagged = false

  func fileDeidentifier() throws -> FileDeidentifier {
    let environment = ProcessInfo.processInfo.environment
    let path = keyFile ?? DeidentificationKeyFile.defaultPath(environment: environment)
    let (key, created) = try DeidentificationKeyFile.load(path)
    if created {
      FileHandle.standardError.write(
        Data(
          "annotty: created the key \(path) (mode 0600); keep it: see annotty deid --help\n".utf8))
    }
    var parsed = RedactionRules(rules: [])
    if let rules {
      guard let bytes = FileManager.default.contents(atPath: rules) else {
        throw InputError(path: rules, message: "cannot be read")
      }
      do {
        parsed = try RedactionRules.parse(Array(bytes))
      } catch {
        throw InputError(path: rules, message: "\(error)")
      }
    }
    return FileDeidentifier(
      deidentifier: Deidentifier(
        key: key, options: DeidentificationOptions(retainLongitudinalModifiedDates: shiftDates)),
      rules: parsed, keepsFlagged: keepFlagged)
  }
}

/// Counts and messages of a de-identification run.
struct DeidSummary {
  /// Where the copies were written.
  var writtenPaths: [String] = []
  var written: Int { writtenPaths.count }
  var redacted = 0
  var flagged: [(String, [String])] = []
  var failures: [(String, String)] = []
  var failed: Int { failures.count }

  mutating func add(_ path: String, _ outcome: FileDeidentifier.Outcome) {
    switch outcome {
    case .written(let target, let rectangles):
      writtenPaths.append(target)
      if rectangles > 0 { redacted += 1 }
    case .flagged(let reasons): flagged.append((path, reasons))
    case .failed(let message): failures.append((path, message))
    }
  }

  func print(to folder: String) {
    Swift.print(
      "\(written) files de-identified into \(folder) (\(redacted) redacted), "
        + "\(flagged.count) skipped for burned-in risk, \(failures.count) failed")
    for (path, reasons) in flagged {
      Swift.print(
        "skipped \(path): may carry burned-in text (\(reasons.joined(separator: ", "))); "
          + "add a --rules entry, or --keep-flagged after checking it")
    }
    for (path, message) in failures.prefix(50) {
      FileHandle.standardError.write(Data("annotty: \(path): \(message)\n".utf8))
    }
  }
}
