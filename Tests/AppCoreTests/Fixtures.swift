import Annotations
import Foundation
import TUIKit

@testable import AppCore

/// A small CT study, the shipped radiology keymap and the default label schema.
enum Fixtures {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func keymap(_ name: String = "radiology") throws -> Keymap {
    try Keymap.load(try keymapSource(name), catalog: .annotty) { try? keymapSource($0) }
  }

  /// A shipped keymap file as the loader reads it.
  static func keymapSource(_ name: String) throws -> KeymapSource {
    let url = packageRoot.appendingPathComponent("Keymaps/\(name).toml")
    let text = try String(contentsOf: url, encoding: .utf8)
    return KeymapSource(name: name, fileName: "Keymaps/\(name).toml", text: text)
  }

  static let now = Timestamp(millisecondsSinceEpoch: 1_772_357_400_000)

  static func stack(id: String, description: String, frames: Int, columns: Int = 64) -> StackInfo {
    StackInfo(
      id: id, description: description, size: ImageSize(columns: columns, rows: 64),
      pixelSpacing: (rows: 0.5, columns: 0.5),
      frames: (1...frames).map {
        ImageReference(
          studyInstanceUID: "1.2.3", seriesInstanceUID: id, sopInstanceUID: "\(id).\($0)")
      },
      slicePositions: (0..<frames).map { Double($0) * 5 - 100 })
  }

  static let study = StudyInfo(
    studyInstanceUID: "1.2.3", description: "CT HEAD W/O CONTRAST",
    stacks: [
      stack(id: "1.2.3.1", description: "Axial 5mm", frames: 40),
      stack(id: "1.2.3.2", description: "Bone 1mm", frames: 120),
    ])

  static func state() throws -> AppState {
    AppState(
      study: study, schema: .default, keymap: try keymap(), author: "reader1", idSeed: 42)
  }
}

/// A state driven by key strings in the keymap notation, collecting the effects.
struct Session {
  var state: AppState
  var input: KeyInput
  var effects: [Effect] = []

  init(_ state: AppState) {
    self.state = state
    input = KeyInput(keymap: state.keymap)
  }

  static func started() throws -> Session {
    var session = Session(try Fixtures.state())
    session.send(
      .frameDecoded(
        stack: 0, frame: 0,
        facts: FrameFacts(
          windows: [WindowLevel(center: 40, width: 80), WindowLevel(center: 300, width: 1500)],
          automatic: WindowLevel(center: 500, width: 2000))))
    return session
  }

  /// Presses the keys and returns the effects they caused.
  @discardableResult
  mutating func press(_ keys: String, at now: Timestamp = Fixtures.now) throws -> [Effect] {
    let before = effects.count
    for key in try KeyNotation.parse(keys) {
      for action in input.actions(for: key, in: state.mode) { send(action, at: now) }
    }
    return Array(effects[before...])
  }

  /// Sends the action the way the shell does, with `now` as the clock.
  @discardableResult
  mutating func send(_ action: Action, at now: Timestamp = Fixtures.now) -> [Effect] {
    let before = effects.count
    let (next, newEffects) = Reducer.reduce(state, action, now: now)
    state = next
    effects += newEffects
    return Array(effects[before...])
  }

  /// Feeds back committed edits as the shell would.
  mutating func commitAll(_ effects: [Effect]) {
    for case .commit(let edit) in effects { send(.editCommitted(edit)) }
  }
}

/// The screen's text with `|` after each row, so goldens show trailing spaces.
func framed(_ buffer: ScreenBuffer) -> String {
  buffer.snapshotText().split(separator: "\n", omittingEmptySubsequences: false)
    .map { $0 + "|" }.joined(separator: "\n")
}
