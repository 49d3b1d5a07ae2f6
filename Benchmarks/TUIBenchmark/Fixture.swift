import Annotations
import AppCore
import AppShell
import Foundation
import TUIKit
import TerminalGraphics
import Workspace

/// The sample workspace and what a session needs, built once.
struct Fixture {
  let folder: String
  let workspace: Workspace
  let contents: WorkspaceStudy
  let configuration: UserConfiguration

  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-tui-benchmark-\(getpid())").path
    workspace = try SampleWorkspace.create(at: folder)
    contents = try WorkspaceStudy(workspace: workspace)
    let files = DataFiles(
      environment: ["ANNOTTY_DATA_DIR": Self.repository, "XDG_CONFIG_HOME": folder],
      executablePath: "/nonexistent")
    configuration = try UserConfiguration(keymapName: "radiology", themeName: "dark", files: files)
  }

  /// A session on the CT stack, optionally repeated `copies` times so that holding a key does
  /// not reach the last slice.
  func session(copies: Int = 1, graphics: GraphicsProtocol = .sixel) -> Session {
    var study = contents.study
    var locations = contents.locations
    study.stacks = [study.stacks[0]]
    locations = [Array(repeating: locations[0], count: copies).flatMap { $0 }]
    study.stacks[0].frames = Array(repeating: study.stacks[0].frames, count: copies).flatMap { $0 }
    let state = AppState(
      study: study, schema: .default, keymap: configuration.keymap, author: "benchmark",
      idSeed: 1)
    return Session(
      state: state, theme: configuration.theme, workspace: workspace, locations: locations,
      geometry: CellGeometry(graphics: graphics, cell: PixelSize(width: 10, height: 20)),
      encoding: TerminalImageEncoder.Options(grayLevels: 101))
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: folder)
  }
}

let now = Timestamp(millisecondsSinceEpoch: 1_780_000_000_000)

func press(_ session: Session, _ keys: String) {
  for key in (try? KeyNotation.parse(keys)) ?? [] { session.handle(.key(key), now: now) }
}

func bytes(_ output: SessionOutput) -> Int {
  output.graphics.reduce(0) { $0 + $1.bytes.count }
}
