import CTIFF

/// Every page header of a TIFF file, read without decoding pixels.
public struct TIFFFileSummary: Sendable, Equatable {
  public let path: String
  /// Top-level pages (IFDs) in file order.
  public let pages: [TIFFPageInfo]
}

/// An open TIFF file: its page headers, and pages decoded on request.
///
/// Holds a libtiff handle until released; use it from one task at a time.
public final class TIFFImageFile {
  public let path: String
  /// Top-level pages (IFDs) in file order.
  public let pages: [TIFFPageInfo]
  private let handle: TIFFHandle

  /// Opens `path` and reads every page header; throws `TIFFError` when libtiff cannot.
  public init(path: String) throws {
    let handle = try TIFFHandle(path: path, mode: Self.openMode)
    self.path = path
    self.handle = handle
    self.pages = try Self.readPageInfos(handle)
  }

  /// Reads only the page headers of `path`, for indexing many files quickly.
  public static func summary(path: String) throws -> TIFFFileSummary {
    let handle = try TIFFHandle(path: path, mode: openMode)
    return TIFFFileSummary(path: path, pages: try readPageInfos(handle))
  }

  /// Decodes page `index` (zero-based) to MinIsBlack gray or interleaved RGB samples.
  public func readPage(_ index: Int) throws -> TIFFPage {
    guard pages.indices.contains(index) else {
      throw TIFFError(
        path: path, page: index, kind: .pageOutOfRange,
        detail: "the file has \(pages.count) page(s)")
    }
    let info = pages[index]
    if let feature = info.unsupportedFeature {
      throw TIFFError(path: path, page: index, kind: .unsupported, detail: feature)
    }
    if info.exceedsLimits || info.width <= 0 || info.height <= 0 {
      throw TIFFError(
        path: path, page: index, kind: .tooLarge,
        detail: "\(info.width)×\(info.height) pixels is outside 1…\(TIFFLimits.maximumSide) "
          + "per side and \(TIFFLimits.maximumPixels) pixels in all")
    }
    handle.clearErrors()
    if TIFFCurrentDirectory(handle.tif) != UInt32(index) {
      guard TIFFSetDirectory(handle.tif, UInt32(index)) != 0 else {
        throw TIFFError(
          path: path, page: index, kind: .unreadable,
          detail: handle.recordedError ?? "cannot select the page's directory")
      }
    }
    return try TIFFPageDecoder(handle: handle, info: info).decode()
  }

  /// 'O' loads strip and tile offsets on demand, so headers are read without those arrays.
  private static let openMode = "rO"

  private static func readPageInfos(_ handle: TIFFHandle) throws -> [TIFFPageInfo] {
    var pages = [handle.currentPageInfo(index: 0)]
    while true {
      handle.clearErrors()
      if TIFFReadDirectory(handle.tif) == 0 {
        if let message = handle.recordedError {
          throw TIFFError(
            path: handle.path, page: pages.count, kind: .unreadable, detail: message)
        }
        return pages
      }
      pages.append(handle.currentPageInfo(index: pages.count))
    }
  }
}
