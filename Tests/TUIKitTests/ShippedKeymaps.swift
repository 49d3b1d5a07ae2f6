import Foundation

@testable import TUIKit

/// The keymaps in the package's top-level Keymaps/ folder, read from the source tree.
enum ShippedKeymaps {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let names = ["radiology", "vim", "ohif"]

  static func source(_ name: String) -> KeymapSource? {
    let url = packageRoot.appendingPathComponent("Keymaps/\(name).toml")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
    return KeymapSource(name: name, fileName: "Keymaps/\(name).toml", text: text)
  }

  static func load(_ name: String) throws -> Keymap {
    guard let keymapSource = source(name) else { throw CocoaError(.fileNoSuchFile) }
    return try Keymap.load(keymapSource, catalog: .annotty, parent: { source($0) })
  }
}
