import Annotations
import AppCore
import AppShell
import Foundation
import TUIKit
import TerminalGraphics
import Workspace

/// A session on the sample study in a fresh temporary workspace, driven by key strings.
final class SessionFixture {
  let folder: String
  let workspace: Workspace
  let session: Session
  var clock = 100.0
  let now = Timestamp(millisecondsSinceEpoch: 1_780_000_000_000)

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  init(graphics: GraphicsProtocol = .sixel, columns: Int = 120, rows: Int = 40) throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-session-\(UUID().uuidString)").path
    workspace = try SampleWorkspace.create(at: folder)
    let contents = try WorkspaceStudy(workspace: workspace)
    let files = DataFiles(
      environment: ["ANNOTTY_DATA_DIR": Self.packageRoot, "XDG_CONFIG_HOME": folder],
      executablePath: "/nonexistent/annotty")
    let configuration = try UserConfiguration(
      keymapName: "radiology", themeName: "dark", files: files)
    let state = AppState(
      study: contents.study, schema: .default, keymap: configuration.keymap, author: "tester",
      idSeed: 7)
    session = Session(
      state: state, theme: configuration.theme, workspace: workspace,
      locations: contents.locations,
      geometry: CellGeometry(graphics: graphics, cell: PixelSize(width: 10, height: 20)),
      encoding: TerminalImageEncoder.Options(grayLevels: 101))
    session.resize(columns: columns, rows: rows, now: now)
    session.start(now: now)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// Presses the keys of a keymap-notation string.
  func press(_ keys: String) throws {
    for key in try KeyNotation.parse(keys) { session.handle(.key(key), now: now) }
  }

  /// The terminal answered the status request.
  func terminalAnswers() {
    session.handle(.terminalReady, now: now)
  }

  /// What the session writes next.
  func output() -> SessionOutput {
    session.output(clock: clock)
  }

  /// Bytes of all graphics in an output.
  static func graphicBytes(_ output: SessionOutput) -> Int {
    output.graphics.reduce(0) { $0 + $1.bytes.count }
  }
}
