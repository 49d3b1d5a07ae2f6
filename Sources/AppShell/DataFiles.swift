import Foundation
import Workspace

/// Where annotty's shipped keymaps and themes are, and where the user's own live.
///
/// Shipped files: `$ANNOTTY_DATA_DIR`, then `share/annotty` beside the binary's folder, then the
/// source checkout the binary was built in (its `Keymaps/` and `Themes/`). User files:
/// `$XDG_CONFIG_HOME/annotty/` (default `~/.config/annotty/`), `keymaps/NAME.toml` and
/// `themes/NAME.toml`, which take precedence over shipped files of the same name.
public struct DataFiles: Sendable {
  /// The folder holding `Keymaps/` and `Themes/`; nil when none was found.
  public var sharedFolder: String?
  /// `$XDG_CONFIG_HOME/annotty`.
  public var userFolder: String

  public init(environment: [String: String], executablePath: String) {
    userFolder = UserFolders.configuration(environment: environment)
    sharedFolder = Self.sharedFolder(environment: environment, executablePath: executablePath)
  }

  /// The file of keymap or theme `name` (`kind` is `keymaps` or `themes`): the user's, else the
  /// shipped one; nil when neither exists.
  public func file(kind: Kind, name: String) -> String? {
    let user = ((userFolder as NSString).appendingPathComponent(kind.userFolderName) as NSString)
      .appendingPathComponent("\(name).toml")
    if FileManager.default.fileExists(atPath: user) { return user }
    return shippedFile(kind: kind, name: name)
  }

  /// The shipped file of keymap or theme `name`, ignoring the user's (a user's `radiology.toml`
  /// that `extends = "radiology"` builds on the shipped one).
  public func shippedFile(kind: Kind, name: String) -> String? {
    guard let sharedFolder else { return nil }
    let shipped =
      ((sharedFolder as NSString).appendingPathComponent(kind.sharedFolderName)
      as NSString).appendingPathComponent("\(name).toml")
    return FileManager.default.fileExists(atPath: shipped) ? shipped : nil
  }

  /// Names of every keymap or theme available, user and shipped, sorted.
  public func names(kind: Kind) -> [String] {
    var folders = [(userFolder as NSString).appendingPathComponent(kind.userFolderName)]
    if let sharedFolder {
      folders.append((sharedFolder as NSString).appendingPathComponent(kind.sharedFolderName))
    }
    let names = folders.flatMap { folder in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
    }
    return Array(Set(names)).sorted()
  }

  /// Keymaps or themes.
  public enum Kind: Sendable {
    case keymap
    case theme

    var sharedFolderName: String { self == .keymap ? "Keymaps" : "Themes" }
    var userFolderName: String { self == .keymap ? "keymaps" : "themes" }
  }

  private static func sharedFolder(environment: [String: String], executablePath: String)
    -> String?
  {
    var candidates: [String] = []
    if let configured = environment["ANNOTTY_DATA_DIR"], !configured.isEmpty {
      candidates.append(configured)
    }
    let binaryFolder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    candidates.append(
      binaryFolder.deletingLastPathComponent().appendingPathComponent("share/annotty").path)
    // A binary under `.build/<triple>/<configuration>/` of a source checkout.
    var folder = binaryFolder
    for _ in 0..<6 {
      candidates.append(folder.path)
      folder = folder.deletingLastPathComponent()
    }
    return candidates.first { candidate in
      FileManager.default.fileExists(
        atPath: (candidate as NSString).appendingPathComponent("Keymaps/radiology.toml"))
    }
  }
}
