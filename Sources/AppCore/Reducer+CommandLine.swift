import Annotations
import TUIKit

extension AppState {
  mutating func insertCommandText(_ text: String) {
    guard mode == .command, var line = commandLine else { return }
    // A paste may hold newlines; the command line is one line.
    let clean = text.filter { !$0.isNewline }
    var characters = Array(line.text)
    characters.insert(contentsOf: clean, at: line.cursor)
    line.text = String(characters)
    line.cursor += clean.count
    commandLine = line
  }

  mutating func editCommandLine(_ name: String) {
    guard var line = commandLine else { return }
    var characters = Array(line.text)
    switch name {
    case "command.deleteBackward":
      // Backspace on an empty line leaves it, as in vim.
      guard line.cursor > 0 else {
        if characters.isEmpty { cancel() }
        return
      }
      characters.remove(at: line.cursor - 1)
      line.cursor -= 1
    case "command.deleteForward":
      if line.cursor < characters.count { characters.remove(at: line.cursor) }
    case "command.cursorLeft": line.cursor = max(0, line.cursor - 1)
    case "command.cursorRight": line.cursor = min(characters.count, line.cursor + 1)
    case "command.cursorStart": line.cursor = 0
    case "command.cursorEnd": line.cursor = characters.count
    default: break
    }
    line.text = String(characters)
    commandLine = line
  }

  /// Runs `:wl C W`, `:goto N` (or just `:N`, as in vi), `:label N`, `:preset NAME`, `:q`.
  mutating func executeCommandLine(now: Timestamp, effects: inout [Effect]) {
    let text = commandLine?.text ?? ""
    commandLine = nil
    mode = .normal
    statusMessage = ""
    let words = text.split(separator: " ").map(String.init)
    guard let name = words.first else { return }
    let arguments = Array(words.dropFirst())
    if Int(name) != nil, arguments.isEmpty {
      return run(BoundCommand(name: "slice.goto", arguments: [name]), now: now, effects: &effects)
    }
    switch name {
    case "wl", "window":
      guard arguments.count == 2 else { return report("usage: :wl LEVEL WIDTH") }
      run(BoundCommand(name: "window.set", arguments: arguments), now: now, effects: &effects)
    case "goto", "slice":
      guard arguments.count == 1, Int(arguments[0]) != nil else {
        return report("usage: :goto SLICE")
      }
      run(BoundCommand(name: "slice.goto", arguments: arguments), now: now, effects: &effects)
    case "label":
      guard arguments.count == 1, Int(arguments[0]) != nil else {
        return report("usage: :label NUMBER")
      }
      run(BoundCommand(name: "label.assign", arguments: arguments), now: now, effects: &effects)
    case "preset":
      guard let preset = arguments.first.flatMap({ WindowPresetLookup.number(named: $0) }) else {
        return report("usage: :preset brain|subdural|stroke|bone|lung|...")
      }
      run(
        BoundCommand(name: "window.preset", arguments: [String(preset)]), now: now,
        effects: &effects)
    case "q", "quit":
      run(BoundCommand(name: "quit"), now: now, effects: &effects)
    case "conflicts", "conflict":
      showConflict(arguments.first.flatMap { Int($0) } ?? 1)
    case "resolve":
      resolveConflict(arguments, effects: &effects)
    case "sync":
      effects.append(.syncNow)
      report("syncing")
    default:
      report(
        "unknown command :\(name) (try :wl 40 80, :12, :label 1, :preset lung, :conflicts, :sync, :q)"
      )
    }
  }

  /// `:conflicts N`: the Nth open conflict on the message line.
  mutating func showConflict(_ number: Int) {
    guard !conflicts.isEmpty else { return report("no sync conflicts") }
    guard conflicts.indices.contains(number - 1) else {
      return report("there are \(conflicts.count) conflicts; :conflicts 1...\(conflicts.count)")
    }
    let conflict = conflicts[number - 1]
    report(
      "conflict \(number)/\(conflicts.count): \(conflict.title): \(conflict.detail); "
        + ":resolve \(number) mine|theirs|both")
  }

  /// `:resolve N mine|theirs|both`.
  mutating func resolveConflict(_ arguments: [String], effects: inout [Effect]) {
    guard arguments.count == 2, let number = Int(arguments[0]),
      conflicts.indices.contains(number - 1), ["mine", "theirs", "both"].contains(arguments[1])
    else { return report("usage: :resolve N mine|theirs|both (see :conflicts)") }
    effects.append(
      .resolveConflict(annotationID: conflicts[number - 1].annotationID, choice: arguments[1]))
  }
}
