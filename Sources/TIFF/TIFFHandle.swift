import CTIFF
import CTIFFShims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open libtiff file whose messages are captured, closed when released.
final class TIFFHandle {
  let path: String
  private let file: OpaquePointer
  let tif: OpaquePointer

  /// Opens `path` for reading; libtiff's own message becomes the error detail.
  init(path: String, mode: String) throws {
    guard let file = ctiff_open(path, mode, TIFFHandle.maximumSingleAllocation) else {
      throw TIFFError(path: path, page: nil, kind: .unreadable, detail: "out of memory")
    }
    guard let tif = ctiff_handle(file) else {
      let message = Self.withoutPath(String(cString: ctiff_error_message(file)), path)
      ctiff_close(file)
      let detail = Self.isDirectory(path) ? "is a directory, not a TIFF file" : message
      throw TIFFError(path: path, page: nil, kind: .unreadable, detail: detail)
    }
    self.path = path
    self.file = file
    self.tif = tif
  }

  deinit { ctiff_close(file) }

  /// libtiff's recorded errors since the last `clearErrors()`, or nil when there were none.
  var recordedError: String? {
    guard ctiff_has_error(file) != 0 else { return nil }
    return Self.withoutPath(String(cString: ctiff_error_message(file)), path)
  }

  func clearErrors() { ctiff_clear_error(file) }

  func uint16(_ tag: Int32, defaulted: Bool = true) -> UInt16? {
    var value: UInt16 = 0
    return ctiff_get_u16(tif, UInt32(tag), defaulted ? 1 : 0, &value) != 0 ? value : nil
  }

  func uint32(_ tag: Int32, defaulted: Bool = true) -> UInt32? {
    var value: UInt32 = 0
    return ctiff_get_u32(tif, UInt32(tag), defaulted ? 1 : 0, &value) != 0 ? value : nil
  }

  func float(_ tag: Int32) -> Float? {
    var value: Float = 0
    return ctiff_get_float(tif, UInt32(tag), &value) != 0 ? value : nil
  }

  var extraSampleCount: Int {
    var count: UInt16 = 0
    _ = ctiff_get_extra_sample_count(tif, &count)
    return Int(count)
  }

  /// The page's colormap as three arrays of `entries` values, or nil when absent.
  func colormap(entries: Int) -> (red: [UInt16], green: [UInt16], blue: [UInt16])? {
    var red: UnsafePointer<UInt16>?
    var green: UnsafePointer<UInt16>?
    var blue: UnsafePointer<UInt16>?
    guard ctiff_get_colormap(tif, &red, &green, &blue) != 0, let red, let green, let blue else {
      return nil
    }
    return (
      Array(UnsafeBufferPointer(start: red, count: entries)),
      Array(UnsafeBufferPointer(start: green, count: entries)),
      Array(UnsafeBufferPointer(start: blue, count: entries))
    )
  }

  /// libtiff prefixes many messages with the file name, which the error already carries.
  private static func withoutPath(_ message: String, _ path: String) -> String {
    guard !path.isEmpty else { return message }
    return message.replacing(path + ": ", with: "")
  }

  private static func isDirectory(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  /// libtiff allocations above this are refused (a strip or tile claiming gigabytes).
  private static let maximumSingleAllocation: UInt64 = 512 << 20
}
