import DICOM
import Deidentification
import Foundation

/// Reads one file's header (never its pixels) and classifies it for the index.
public enum FileScanner {
  /// Scans the file at `path`. Never throws: unreadable and malformed files become `.failed`.
  public static func scan(path: String) -> ScannedFile {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      return .failed(
        ImportError(path: path, message: "cannot be read (\(error.localizedDescription))"))
    }
    guard !bytes.isEmpty else { return .notImage(path: path, reason: "empty file") }
    if TIFFScanner.looksLikeTIFF(bytes) { return TIFFScanner.scan(path: path, bytes: bytes) }
    let file: DICOMFile
    do {
      file = try DICOMFile(bytes: bytes, options: .init(stopBeforePixelData: true))
    } catch let error as DICOMError where error.kind == .notDICOM {
      return .notImage(path: path, reason: "not DICOM")
    } catch {
      return .failed(ImportError(path: path, message: "\(error)"))
    }
    if file.dataSet[directoryRecordSequence] != nil
      || file.meta.string(.mediaStorageSOPClassUID) == mediaStorageDirectory
    {
      return .notImage(path: path, reason: "DICOMDIR")
    }
    let summary = InstanceSummary(
      dataSet: file.dataSet, fileReference: path, hasPixelData: file.hasPixelData)
    guard summary.isImage else {
      return .notImage(
        path: path, reason: "no pixel data (\(summary.modality ?? "unknown modality"))")
    }
    do {
      let fingerprint = try FileHashing.fingerprint(bytes: bytes, path: path)
      return .dicomImage(
        IndexedInstance(
          file: fingerprint, summary: summary, studyDate: file.dataSet.string(studyDate),
          studyDescription: file.dataSet.string(studyDescription),
          headerJSON: Self.headerFacts(file.dataSet)))
    } catch {
      return .failed(error)
    }
  }

  /// Extra facts kept per file: why its pixels may carry burned-in text, when they may.
  static func headerFacts(_ dataSet: DataSet) -> String? {
    let risk = BurnedInRisk.assess(dataSet)
    guard risk.isFlagged else { return nil }
    let facts = ["burned_in_risk": risk.reasons.joined(separator: "; ")]
    guard let data = try? JSONSerialization.data(withJSONObject: facts, options: [.sortedKeys])
    else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  private static let mediaStorageDirectory = "1.2.840.10008.1.3.10"
  private static let directoryRecordSequence = Tag(0x0004_1220)
  private static let studyDate = Tag(0x0008_0020)
  private static let studyDescription = Tag(0x0008_1030)
}
