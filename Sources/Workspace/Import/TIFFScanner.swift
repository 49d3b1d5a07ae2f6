import DICOM
import Foundation
import TIFF

/// Indexes TIFF files like DICOM: each file is an instance whose pages are frames; the TIFFs of
/// one folder form one series of one study, with UIDs derived from their paths.
enum TIFFScanner {
  /// Little- or big-endian TIFF (and BigTIFF) magic.
  static func looksLikeTIFF(_ bytes: Data) -> Bool {
    guard bytes.count >= 4 else { return false }
    let head = [UInt8](bytes.prefix(4))
    return head == [0x49, 0x49, 0x2A, 0x00] || head == [0x4D, 0x4D, 0x00, 0x2A]
      || head == [0x49, 0x49, 0x2B, 0x00] || head == [0x4D, 0x4D, 0x00, 0x2B]
  }

  static func scan(path: String, bytes: Data) -> ScannedFile {
    let summary: TIFFFileSummary
    do {
      summary = try TIFFImageFile.summary(path: path)
    } catch {
      return .failed(ImportError(path: path, message: "\(error)"))
    }
    let pages = summary.pages.filter { !$0.isReducedResolution && $0.unsupportedFeature == nil }
    guard let first = pages.first else {
      let reason = summary.pages.first?.unsupportedFeature.map { "unsupported TIFF (\($0))" }
      return .notImage(path: path, reason: reason ?? "TIFF without pages")
    }
    let folder = (path as NSString).deletingLastPathComponent
    let spacing = first.pixelSpacing.map { [$0.rowSpacing, $0.columnSpacing] } ?? []
    let instance = InstanceSummary(
      fileReference: path, sopClassUID: secondaryCapture,
      sopInstanceUID: DeterministicUID.make("tiff-instance:" + path),
      studyInstanceUID: DeterministicUID.make("tiff-study:" + folder),
      seriesInstanceUID: DeterministicUID.make("tiff-series:" + folder),
      patientID: "TIFF", patientName: nil, modality: "OT",
      seriesDescription: (folder as NSString).lastPathComponent,
      rows: first.height, columns: first.width, samplesPerPixel: first.decodedComponents,
      photometricInterpretation: first.decodedComponents == 3 ? "RGB" : "MONOCHROME2",
      numberOfFrames: pages.count, pixelSpacing: spacing, isImage: true)
    do {
      return .dicomImage(
        IndexedInstance(
          file: try FileHashing.fingerprint(bytes: bytes, path: path), summary: instance,
          studyDescription: "TIFF images in \(folder)"))
    } catch {
      return .failed(error)
    }
  }

  /// Secondary Capture: what a TIFF is closest to in DICOM terms.
  private static let secondaryCapture = "1.2.840.10008.5.1.4.1.1.7"
}
