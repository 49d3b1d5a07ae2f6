import Foundation
import Workspace

/// Tokens by server, in `$XDG_CONFIG_HOME/annotty/credentials.json`, readable only by the user
/// (0600): headless workstations have no keyring.
public struct Credentials: Codable, Sendable, Equatable {
  /// Token by server address.
  public var servers: [String: String] = [:]
  /// The server `annotty login` saw last; `annotty sync` uses it when nothing else is named.
  public var defaultServer: String?

  public init() {}

  /// The file's path for an environment.
  public static func path(environment: [String: String]) -> String {
    (UserFolders.configuration(environment: environment) as NSString)
      .appendingPathComponent("credentials.json")
  }

  /// Reads the file; empty credentials when there is none.
  public static func load(from path: String) throws -> Credentials {
    guard FileManager.default.fileExists(atPath: path) else { return Credentials() }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      return try JSONDecoder().decode(Credentials.self, from: data)
    } catch {
      throw CredentialsError(path: path, message: "cannot be read: \(error.localizedDescription)")
    }
  }

  /// Writes the file with mode 0600 (created that way, never world-readable for a moment),
  /// replacing the old one atomically.
  public func save(to path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    } catch {
      throw CredentialsError(
        path: folder, message: "cannot be created: \(error.localizedDescription)")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(self)
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw CredentialsError(path: temporary, message: "cannot be written (errno \(errno))")
    }
    let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    fchmod(descriptor, 0o600)
    fsync(descriptor)
    close(descriptor)
    guard written == data.count, rename(temporary, path) == 0 else {
      unlink(temporary)
      throw CredentialsError(path: path, message: "cannot be written (errno \(errno))")
    }
  }
}

/// A credentials file that cannot be used.
public struct CredentialsError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var message: String
  public var description: String { "\(path): \(message)" }
}
