import DICOM
import Foundation

/// The files a DICOMDIR lists (as on a CD from a scanner), so a folder with one is imported from
/// its index; a DICOMDIR naming files that are gone is stale and the folder is walked instead.
public enum DICOMDIRIndex {
  /// What a folder's DICOMDIR said.
  public enum Outcome: Equatable, Sendable {
    /// Every referenced file exists: import exactly these paths.
    case files([String])
    /// Some referenced files are missing (how many of how many): walk the folder.
    case stale(missing: Int, of: Int)
    /// Unreadable or lists no files: walk the folder.
    case unusable(String)
  }

  /// Reads `folder/DICOMDIR`, or nil when the folder has none.
  public static func read(folder: String) -> Outcome? {
    let path = (folder as NSString).appendingPathComponent("DICOMDIR")
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    let file: DICOMFile
    do {
      file = try DICOMFile(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      return .unusable("\(error)")
    }
    var referenced: [String] = []
    for record in file.dataSet.sequence(directoryRecordSequence) ?? [] {
      let components = record.strings(referencedFileID)
      guard !components.isEmpty,
        components.allSatisfy({ !$0.isEmpty && $0 != ".." && !$0.contains("/") })
      else { continue }
      referenced.append(
        URL(fileURLWithPath: folder).appendingPathComponent(components.joined(separator: "/")).path)
    }
    guard !referenced.isEmpty else { return .unusable("it lists no files") }
    let missing = referenced.filter { !FileManager.default.fileExists(atPath: $0) }.count
    return missing == 0 ? .files(referenced) : .stale(missing: missing, of: referenced.count)
  }

  private static let directoryRecordSequence = Tag(0x0004_1220)
  private static let referencedFileID = Tag(0x0004_1500)
}
