import Crypto
import Foundation
import Glibc

/// Size, modification time and SHA-256 of a file: what tells whether it changed since indexing.
public enum FileHashing {
  /// Size and modification time without reading the file: enough to skip an unchanged file.
  public static func stat(path: String) throws(ImportError) -> (
    size: Int64, modificationTimeNanoseconds: Int64
  ) {
    var info = Glibc.stat()
    guard lstat(path, &info) == 0 else {
      throw ImportError(path: path, message: "cannot be read (\(String(cString: strerror(errno))))")
    }
    let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    return (Int64(info.st_size), nanoseconds)
  }

  /// The fingerprint of the file at `path` whose whole content is `bytes`.
  public static func fingerprint(bytes: Data, path: String) throws(ImportError) -> FileFingerprint {
    let (size, modified) = try stat(path: path)
    return FileFingerprint(
      path: path, size: size, modificationTimeNanoseconds: modified, sha256: sha256Hex(bytes))
  }

  /// Lower-case hex SHA-256.
  public static func sha256Hex(_ bytes: Data) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
