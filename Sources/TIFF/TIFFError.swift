/// Why a TIFF file or page could not be read, with the file and page it concerns.
public struct TIFFError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What kind of problem stopped the read.
  public enum Kind: Sendable, Equatable {
    /// libtiff could not open the file or read its directories (missing, not TIFF, damaged).
    case unreadable
    /// The page's pixel data could not be decoded (truncated or corrupt strips / tiles).
    case corruptPixelData
    /// The page uses a layout this reader does not decode; the detail names it.
    case unsupported
    /// The page declares dimensions beyond the reader's limits; nothing was allocated.
    case tooLarge
    /// The requested page index does not exist.
    case pageOutOfRange
  }

  /// The file the error concerns.
  public let path: String
  /// The zero-based page, when the error concerns one.
  public let page: Int?
  /// What kind of problem it is.
  public let kind: Kind
  /// libtiff's message or this reader's explanation.
  public let detail: String

  /// Creates an error value.
  public init(path: String, page: Int?, kind: Kind, detail: String) {
    self.path = path
    self.page = page
    self.kind = kind
    self.detail = detail
  }

  public var description: String {
    let location = page.map { "\(path) (page \($0 + 1))" } ?? path
    return "\(location): \(kind.summary): \(detail)"
  }
}

extension TIFFError.Kind {
  fileprivate var summary: String {
    switch self {
    case .unreadable: return "cannot read TIFF"
    case .corruptPixelData: return "corrupt pixel data"
    case .unsupported: return "unsupported TIFF"
    case .tooLarge: return "image too large"
    case .pageOutOfRange: return "no such page"
    }
  }
}
