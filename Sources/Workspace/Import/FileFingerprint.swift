import Crypto
import Foundation
import Glibc

/// What tells whether a file changed since it was indexed: size, modification time and SHA-256.
public struct FileFingerprint: Sendable, Hashable, Codable {
  public var size: Int64
  /// Modification time in whole nanoseconds since 1970, as the file system reports it.
  public var modifiedNanoseconds: Int64
  /// Lower-case hex SHA-256 of the whole file.
  public var sha256: String

  public init(size: Int64, modifiedNanoseconds: Int64, sha256: String) {
    self.size = size
    self.modifiedNanoseconds = modifiedNanoseconds
    self.sha256 = sha256
  }

  /// Size and modification time without reading the file: enough to skip an unchanged file.
  public static func stat(path: String) throws(ImportError) -> (
    size: Int64, modifiedNanoseconds: Int64
  ) {
    var info = Glibc.stat()
    guard lstat(path, &info) == 0 else {
      throw ImportError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))")
    }
    let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    return (Int64(info.st_size), nanoseconds)
  }

  /// Hashes `bytes` (the whole file) and pairs the digest with the file's size and time.
  public static func of(bytes: Data, path: String) throws(ImportError) -> FileFingerprint {
    let (size, modified) = try stat(path: path)
    let digest = SHA256.hash(data: bytes)
    return FileFingerprint(
      size: size, modifiedNanoseconds: modified,
      sha256: digest.map { String(format: "%02x", $0) }.joined())
  }
}
