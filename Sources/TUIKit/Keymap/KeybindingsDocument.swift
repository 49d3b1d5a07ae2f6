/// The Markdown key reference (`docs/keybindings.md`), generated from a keymap and the catalog.
public enum KeybindingsDocument {
  /// How to rewrite the committed document after a keymap or catalog change.
  public static let regenerateCommand =
    "ANNOTTY_UPDATE_KEYBINDINGS_DOC=1 swift test --filter KeybindingsDocumentTests"

  /// One section per mode: its keys (aliases together), the command and its description.
  public static func markdown(_ keymap: Keymap, catalog: CommandCatalog) -> String {
    var lines = [
      "# Key bindings (\(keymap.name) keymap)",
      "",
      "Generated from `Keymaps/\(keymap.name).toml` and the command catalog; do not edit.",
      "Regenerate with `\(regenerateCommand)`.",
    ]
    for mode in keymap.modes {
      lines += ["", "## \(mode.name)", ""]
      if let summary = catalog.mode(named: mode.name)?.summary {
        lines += [summary, ""]
      }
      lines += ["| Keys | Command | Description |", "|---|---|---|"]
      for row in rows(mode, catalog: catalog) {
        let keyCells = row.keys.map(codeSpan).joined(separator: " ")
        lines.append(
          "| \(keyCells) | \(codeSpan(row.command.description)) | \(tableText(row.description)) |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A mode's commands in the order of their first binding, each with all of its key
  /// sequences; the help overlay shows the same rows.
  public static func rows(_ mode: KeymapMode, catalog: CommandCatalog) -> [KeybindingRow] {
    var order: [BoundCommand] = []
    var keys: [BoundCommand: [String]] = [:]
    for binding in mode.bindings {
      if keys[binding.command] == nil { order.append(binding.command) }
      keys[binding.command, default: []].append(KeyNotation.format(binding.keys))
    }
    return order.map {
      KeybindingRow(keys: keys[$0] ?? [], command: $0, description: catalog.summary(of: $0))
    }
  }

  /// A code span that survives backticks and pipes inside a table cell.
  private static func codeSpan(_ text: String) -> String {
    let escaped = tableText(text)
    let fence = text.contains("`") ? "`` " : "`"
    let closing = text.contains("`") ? " ``" : "`"
    return fence + escaped + closing
  }

  private static func tableText(_ text: String) -> String {
    text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }
}

/// One line of a key reference: the key sequences (in notation) that run one command.
public struct KeybindingRow: Sendable, Equatable {
  public var keys: [String]
  public var command: BoundCommand
  public var description: String
}
