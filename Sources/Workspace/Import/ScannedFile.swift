import DICOM

/// What the importer learned about one file from its header.
public enum ScannedFile: Sendable {
  /// A DICOM image (single or multi-frame), ready to index.
  case dicomImage(IndexedInstance)
  /// Readable but not an image (SR, RT plan, DICOMDIR, a text file...): counted and skipped.
  case notImage(path: String, reason: String)
  /// Could not be read or parsed.
  case failed(ImportError)

  public var path: String {
    switch self {
    case .dicomImage(let instance): instance.file.path
    case .notImage(let path, _): path
    case .failed(let error): error.path
    }
  }
}
