import Codecs
import DICOM
import Deidentification
import Foundation

/// De-identifies DICOM files into a folder: decoded pixels when they are compressed or must be
/// redacted, rectangles from the rules, and files written whole or not at all.
struct FileDeidentifier {
  let deidentifier: Deidentifier
  let rules: RedactionRules
  /// Write files with burned-in risk even when no rule gives rectangles for them.
  let keepsFlagged: Bool

  /// What happened to one input file.
  enum Outcome {
    case written(path: String, redacted: Int)
    /// Burned-in risk and no redaction rule: not written.
    case flagged(reasons: [String])
    /// Not a DICOM image or data set annotty can clean; the message says why.
    case failed(String)
  }

  /// Cleans every file of `paths` into `folder` and prints what happened.
  func deidentifyAll(
    _ paths: [String], into folder: String, extraRectangles: [String: [RedactionRectangle]] = [:]
  ) -> DeidSummary {
    var summary = DeidSummary()
    for path in paths {
      summary.add(path, deidentify(path, into: folder, extraRectangles: extraRectangles))
    }
    summary.print(to: folder)
    return summary
  }

  /// Cleans `path` and writes it under `folder` as STUDY/SERIES/SOP.dcm (new UIDs only: the
  /// original file name may itself carry PHI).
  func deidentify(
    _ path: String, into folder: String, extraRectangles: [String: [RedactionRectangle]] = [:]
  ) -> Outcome {
    let file: DICOMFile
    do {
      file = try readDICOMFile(path)
    } catch {
      return .failed("\(error)")
    }
    let risk = BurnedInRisk.assess(file.dataSet)
    let drawn = file.dataSet.string(.sopInstanceUID).flatMap { extraRectangles[$0] } ?? []
    let rectangles = rules.rectangles(for: file.dataSet) + drawn
    if risk.isFlagged && rectangles.isEmpty && !keepsFlagged {
      return .flagged(reasons: risk.reasons)
    }
    do {
      let hasPixels = file.dataSet[.pixelData] != nil
      // Compressed pixels cannot be kept (the copy is uncompressed), and redaction works on
      // decoded samples.
      let native =
        hasPixels && (file.transferSyntax.isEncapsulated || !rectangles.isEmpty)
        ? try NativePixels.decoding(file, registry: .standard) : nil
      let result = try deidentifier.deidentify(
        file.dataSet, nativePixels: native, redactions: rectangles)
      let bytes = try result.part10()
      let study = Self.text(result.dataSet[.studyInstanceUID]) ?? "study"
      let series = Self.text(result.dataSet[.seriesInstanceUID]) ?? "series"
      let target = URL(fileURLWithPath: folder).appendingPathComponent(study)
        .appendingPathComponent(series).appendingPathComponent("\(result.sopInstanceUID).dcm")
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      // Written beside, then renamed: a crash never leaves a half-cleaned file in place.
      try bytes.write(to: target, options: .atomic)
      return .written(path: target.path, redacted: rectangles.count)
    } catch {
      return .failed("\(error)")
    }
  }

  /// The De-identification Method the files carry, for the workspace mark.
  var method: String {
    "PS3.15 \(BasicProfile.edition) Basic Application Level Confidentiality Profile"
      + (deidentifier.options.retainLongitudinalModifiedDates
        ? ", Retain Longitudinal Temporal Information with Modified Dates" : "")
  }

  private static func text(_ element: WritableElement?) -> String? {
    guard case .bytes(let bytes) = element?.value else { return nil }
    let value = String(decoding: bytes, as: UTF8.self)
      .trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
    return value.isEmpty ? nil : value
  }
}
