import Deidentification
import Foundation
import Workspace

/// The de-identification key: 32 random bytes as 64 hex digits in a file only the user can read.
///
/// The same key gives the same replacement UIDs, pseudonyms and date offsets on every run, so
/// files de-identified at different times still refer to each other and a patient keeps one
/// pseudonym. Whoever holds the key can re-link UIDs and Patient IDs they already know; without
/// it, new files get new UIDs and pseudonyms that no longer match the earlier ones.
enum DeidentificationKeyFile {
  /// `$XDG_CONFIG_HOME/annotty/deid.key` (default `~/.config/annotty/deid.key`).
  static func defaultPath(environment: [String: String]) -> String {
    (UserFolders.configuration(environment: environment) as NSString)
      .appendingPathComponent("deid.key")
  }

  /// Reads the key, creating it (mode 0600) when the file does not exist; `created` says so.
  static func load(_ path: String) throws -> (key: DeidentificationKey, created: Bool) {
    if !FileManager.default.fileExists(atPath: path) {
      try create(path)
      return (try read(path), true)
    }
    return (try read(path), false)
  }

  private static func read(_ path: String) throws -> DeidentificationKey {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw InputError(path: path, message: "the key file cannot be read")
    }
    let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) ?? hex.endIndex
      guard let byte = UInt8(hex[index..<next], radix: 16) else {
        throw InputError(path: path, message: "not a key file: expected 64 hexadecimal digits")
      }
      bytes.append(byte)
      index = next
    }
    do {
      return try DeidentificationKey(bytes: bytes)
    } catch {
      throw InputError(path: path, message: "not a key file: expected 64 hexadecimal digits")
    }
  }

  private static func create(_ path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<DeidentificationKey.byteCount).map { _ in
      UInt8.random(in: 0...255, using: &generator)
    }
    let text = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
    // O_EXCL: never overwrite a key that appeared meanwhile; created 0600 from the start.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw InputError(path: path, message: "cannot create the key file (errno \(errno))")
    }
    let written = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    fsync(descriptor)
    close(descriptor)
    guard written == text.utf8.count else {
      unlink(path)
      throw InputError(path: path, message: "cannot write the key file")
    }
  }
}
