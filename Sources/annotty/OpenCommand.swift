import AppCore
import AppShell
import ArgumentParser
import Foundation
import SyncClient
import TUIKit
import TerminalGraphics
import TerminalIO
import TerminalNcurses
import Workspace

/// `annotty open`: the full-screen viewer and annotator.
struct OpenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "View and annotate a workspace (or a DICOM folder or file) full-screen.",
    discussion: """
      PATH is a workspace folder (one holding annotty.sqlite), or a folder or file of DICOM or
      TIFF images, which is indexed into a workspace in that folder first. Every edit is saved in
      the workspace the moment it is shown. Press ? for the keys of the current mode, q to quit.

      Keymaps (radiology, vim, ohif) and themes (dark, light, high-contrast) are looked up in
      $XDG_CONFIG_HOME/annotty/keymaps/ and themes/ first, then among the shipped files.
      """)

  @Argument(help: "A workspace, or a DICOM/TIFF folder or file (default: the current folder).")
  var path = "."
  @Option(help: "Keymap name or .toml file.") var keymap = "radiology"
  @Option(help: "Theme name or .toml file.") var theme = "dark"
  @Option(help: "auto, sixel, kitty, iterm2 or blocks.") var `protocol` = "auto"
  @Option(help: "Gray levels of a sixel (2...101).") var levels = 101
  @Option(help: "Author written into new annotations (default: $USER).") var author: String?

  func validate() throws {
    guard (2...101).contains(levels) else { throw ValidationError("--levels must be 2...101") }
    guard `protocol` == "auto" || GraphicsProtocol(rawValue: `protocol`) != nil else {
      throw ValidationError("--protocol must be auto, sixel, kitty, iterm2 or blocks")
    }
  }

  func run() throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw InputError(
        path: path, message: "annotty open needs a terminal (stdin and stdout must be a tty)")
    }
    let environment = ProcessInfo.processInfo.environment
    let files = DataFiles(
      environment: environment, executablePath: CommandLine.arguments.first ?? "annotty")
    let configuration: UserConfiguration
    do {
      configuration = try UserConfiguration(keymapName: keymap, themeName: theme, files: files)
    } catch {
      throw InputError(path: keymap == "radiology" ? theme : keymap, message: "\(error)")
    }
    let workspace = try openWorkspace()
    let schema = try LabelSchemaFile.load(workspace: workspace.folderPath)
    let contents: WorkspaceStudy
    do {
      contents = try WorkspaceStudy(workspace: workspace)
    } catch {
      throw InputError(path: path, message: "cannot read the workspace index: \(error)")
    }
    guard !contents.study.stacks.isEmpty else {
      throw InputError(
        path: path, message: "no images in this workspace; add some with annotty import PATH -w WS")
    }

    let capabilities = CapabilityProbe.runOnControllingTerminal(environment: environment)
    let choice = ProtocolChoice.choose(
      capabilities, override: GraphicsProtocol(rawValue: `protocol`))
    let geometry = CellGeometry(graphics: choice.graphicsProtocol, cell: capabilities.cellSize)
    var grayLevels = levels
    if let registers = capabilities.colorRegisters, choice.graphicsProtocol == .sixel {
      // Room for the overlay's colours beside the grays.
      grayLevels = max(2, min(grayLevels, registers - 16))
    }
    let encoding = TerminalImageEncoder.Options(
      grayLevels: grayLevels, colorRegisters: min(capabilities.colorRegisters ?? 256, 256),
      blockColors: BlockColorMode.choose(capabilities))
    let state = AppState(
      study: contents.study, schema: schema, keymap: configuration.keymap,
      author: author ?? environment["USER"] ?? "annotator", idSeed: UInt64.random(in: .min ... .max)
    )
    let screen: TerminalScreen
    do {
      screen = try TerminalScreen(options: TerminalScreen.Options(notifiesTermination: true))
    } catch {
      throw InputError(path: "/dev/tty", message: "cannot start the screen: \(error)")
    }
    // ncurses paints through its color pairs, so the theme goes down to what it can show.
    let theme = configuration.theme.reduced(to: ColorDepth(colorCount: screen.colorCount))
    let session = Session(
      state: state, theme: theme, workspace: workspace, locations: contents.locations,
      geometry: geometry, encoding: encoding)
    let sync = try backgroundSync(workspace)
    if sync != nil { session.dispatch(.syncChanged("syncing"), now: WorkspaceClock.now()) }
    let signal = TerminalLoop.run(session, screen: screen, sync: sync)
    screen.stop()
    if let signal { Foundation.exit(128 + signal) }
  }

  /// Sync in the background when the workspace was synced before and a token is stored for
  /// its server; nil keeps the session offline (everything stays local).
  private func backgroundSync(_ workspace: Workspace) throws -> BackgroundSync? {
    let settings = try workspace.sync.settings()
    guard let server = settings.serverURL, settings.project != nil else { return nil }
    let environment = ProcessInfo.processInfo.environment
    guard
      let credentials = try? Credentials.load(from: Credentials.path(environment: environment)),
      let token = credentials.servers[server],
      let engine = SyncEngine.connecting(workspace, server: server, token: token, timeout: 15)
    else { return nil }
    return BackgroundSync(engine: engine)
  }

  /// The workspace PATH names, indexing PATH into it first when it is not one yet.
  private func openWorkspace() throws -> Workspace {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw InputError(path: path, message: "no such file or folder")
    }
    let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
    let database = (folder as NSString).appendingPathComponent(Workspace.databaseFileName)
    let isWorkspace = isDirectory.boolValue && FileManager.default.fileExists(atPath: database)
    let option = try WorkspaceOption.parse(["-w", folder.isEmpty ? "." : folder])
    let workspace = try option.open()
    guard !isWorkspace else { return workspace }
    let bar = ProgressBar(label: "indexing")
    do {
      let report = try Importer(workspace: workspace).run(paths: [path]) { bar.update($0, of: $1) }
      bar.finish()
      for failure in report.failures.prefix(5) {
        FileHandle.standardError.write(Data("annotty: \(failure)\n".utf8))
      }
    } catch let error as ImportError {
      bar.finish()
      throw InputError(path: error.path, message: error.message)
    }
    return workspace
  }
}
