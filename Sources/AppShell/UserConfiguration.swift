import Foundation
import TUIKit

/// The keymap and theme a session runs with, read from the files `DataFiles` finds.
public struct UserConfiguration: Sendable {
  public var keymap: Keymap
  public var theme: Theme

  /// Loads keymap `keymapName` and theme `themeName` (names, or paths to `.toml` files).
  /// Every problem is reported with its file and line.
  public init(keymapName: String, themeName: String, files: DataFiles) throws(ConfigurationError) {
    keymap = try Self.loadKeymap(keymapName, files: files)
    theme = try Self.loadTheme(themeName, files: files)
  }

  private static func loadKeymap(_ name: String, files: DataFiles) throws(ConfigurationError)
    -> Keymap
  {
    let source = try source(name, kind: .keymap, files: files)
    do {
      return try Keymap.load(source, catalog: .annotty) { parent in
        // Your `radiology.toml` may extend the shipped `radiology`.
        let path =
          source.name == Self.userName(parent)
          ? files.shippedFile(kind: .keymap, name: parent) : files.file(kind: .keymap, name: parent)
        guard let path, path != source.fileName else { return nil }
        return try? Self.read(path, name: parent)
      }
    } catch {
      throw ConfigurationError(message: "\(error)")
    }
  }

  private static func loadTheme(_ name: String, files: DataFiles) throws(ConfigurationError)
    -> Theme
  {
    let source = try source(name, kind: .theme, files: files)
    do {
      return try Theme.parse(toml: source.text, fileName: source.fileName)
    } catch {
      throw ConfigurationError(message: "\(error)")
    }
  }

  private static func source(_ name: String, kind: DataFiles.Kind, files: DataFiles)
    throws(ConfigurationError) -> KeymapSource
  {
    let what = kind == .keymap ? "keymap" : "theme"
    let path: String
    if name.hasSuffix(".toml") || name.contains("/") {
      path = name
    } else if let found = files.file(kind: kind, name: name) {
      path = found
    } else {
      let known = files.names(kind: kind)
      let list = known.isEmpty ? "none found" : known.joined(separator: ", ")
      let hint =
        files.sharedFolder == nil
        ? "; the shipped files were not found: set ANNOTTY_DATA_DIR to the folder holding Keymaps/ and Themes/"
        : ""
      throw ConfigurationError(message: "no \(what) named \(name) (available: \(list))\(hint)")
    }
    let fileName = (path as NSString).lastPathComponent
    let baseName = fileName.hasSuffix(".toml") ? String(fileName.dropLast(5)) : fileName
    let isUsers = path.hasPrefix(files.userFolder + "/")
    do {
      return try read(path, name: isUsers ? userName(baseName) : baseName)
    } catch {
      throw ConfigurationError(message: "\(path): cannot be read as UTF-8 text")
    }
  }

  /// The name a user's file goes by, apart from the shipped file of the same name.
  private static func userName(_ name: String) -> String {
    "\(name) (yours)"
  }

  private static func read(_ path: String, name: String) throws -> KeymapSource {
    KeymapSource(
      name: name, fileName: path, text: try String(contentsOfFile: path, encoding: .utf8))
  }
}

/// A keymap or theme that cannot be used; the message names the file and line.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
