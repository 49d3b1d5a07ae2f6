import Annotations

/// Classifications at study, series and image level as CSV (RFC 4180 quoting), one row per
/// annotation; multiple answers are joined with `|`.
public enum ClassificationCSV {
  public static let header =
    "level,study_instance_uid,series_instance_uid,sop_instance_uid,frame,patient_id,question,answers,author,updated_at"

  /// The CSV text; `patientIDs` maps a study UID to its patient.
  public static func text(_ annotations: [Annotation], patientIDs: [String: String]) -> String {
    var lines = [header]
    let rows = annotations.compactMap { annotation -> [String]? in
      guard case .classification(let answers) = annotation.shape else { return nil }
      let target = annotation.target
      return [
        target.level.rawValue, target.studyInstanceUID, target.seriesInstanceUID ?? "",
        target.image?.sopInstanceUID ?? "", target.image.map { String($0.frame) } ?? "",
        patientIDs[target.studyInstanceUID] ?? "", annotation.label,
        answers.joined(separator: "|"), annotation.author, annotation.updatedAt.description,
      ]
    }
    for row in rows.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      lines.append(row.map(quote).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
