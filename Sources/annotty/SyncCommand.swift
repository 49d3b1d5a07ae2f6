import ArgumentParser
import Foundation
import SyncClient
import Workspace

/// `annotty sync`: push the workspace's edits and pull everyone else's.
struct SyncCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Push this workspace's edits to the server and pull the project's changes.",
    discussion: """
      The first sync names the project (--project) and, unless you logged in to one server only,
      the server (--server); both are remembered in the workspace. Everything is local first: sync
      catches up whenever the server is reachable, and a sync interrupted anywhere resumes.
      Conflicts (an annotation changed on the server since you edited it) are kept and listed;
      settle them in annotty open or with --resolve ID mine|theirs|both.
      """)

  @OptionGroup var workspace: WorkspaceOption
  @Option(help: "The server address (default: the workspace's, else the last login).")
  var server: String?
  @Option(help: "The project to sync with (remembered after the first sync).") var project: String?
  @Flag(help: "Keep syncing every --interval seconds until interrupted.") var watch = false
  @Option(help: "Seconds between rounds with --watch.") var interval: Double = 10
  @Option(help: "Attempts when the server cannot be reached.") var retries = 5
  @Option(
    parsing: .upToNextOption,
    help: ArgumentHelp(
      "Settle a conflict: the annotation id, then mine, theirs or both.", valueName: "ID CHOICE"))
  var resolve: [String] = []
  @OptionGroup var phi: PHIGuard

  func validate() throws {
    guard interval > 0 else { throw ValidationError("--interval must be positive") }
    guard retries >= 1 else { throw ValidationError("--retries must be at least 1") }
    guard resolve.isEmpty || resolve.count == 2 else {
      throw ValidationError("--resolve takes an annotation id and mine, theirs or both")
    }
  }

  func run() async throws {
    let opened = try workspace.openExisting()
    if resolve.count == 2 {
      guard let choice = ConflictChoice(rawValue: resolve[1]) else {
        throw ValidationError("--resolve: choose mine, theirs or both, not \(resolve[1])")
      }
      do {
        try opened.sync.resolve(annotationID: resolve[0], choice: choice)
      } catch let error as WorkspaceError {
        throw InputError(path: workspace.path, message: error.description)
      }
      print("conflict on \(resolve[0]) settled: \(choice.rawValue)")
    }
    try phi.check(opened, path: workspace.path, doing: "sync")
    let engine = try makeEngine(opened)
    repeat {
      let report = try await runWithRetries(engine)
      print(report.summary)
      try printConflicts(opened)
      if watch { try await Task.sleep(nanoseconds: UInt64(interval * 1e9)) }
    } while watch
  }

  private func makeEngine(_ opened: Workspace) throws -> SyncEngine {
    let environment = ProcessInfo.processInfo.environment
    let credentials = try Credentials.load(from: Credentials.path(environment: environment))
    let settings = try opened.sync.settings()
    guard
      let address = server ?? settings.serverURL ?? credentials.defaultServer
        ?? (credentials.servers.count == 1 ? credentials.servers.keys.first : nil)
    else {
      throw InputError(
        path: workspace.path, message: "no server: run annotty login URL first, or give --server")
    }
    guard let token = credentials.servers[address] else {
      throw InputError(path: address, message: "not logged in: run annotty login \(address)")
    }
    guard let projectName = project ?? settings.project else {
      throw InputError(
        path: workspace.path, message: "the first sync needs the project: --project NAME")
    }
    guard let engine = SyncEngine.connecting(opened, server: address, token: token) else {
      throw InputError(path: address, message: "not a server address")
    }
    try opened.sync.configure(serverURL: address, project: projectName)
    return engine
  }

  /// Runs a round, retrying with growing pauses while the server cannot be reached.
  private func runWithRetries(_ engine: SyncEngine) async throws -> SyncReport {
    var attempt = 0
    while true {
      attempt += 1
      do {
        return try await engine.run()
      } catch let error as SyncError {
        guard error.isTransient, attempt < retries else {
          if case .server(401, _) = error {
            throw InputError(
              path: engine.workspace.folderPath,
              message: "the server refused the token (expired or revoked): run annotty login again")
          }
          throw SyncFailure(message: error.description)
        }
        let pause = min(8.0, 0.25 * pow(2, Double(attempt))) * Double.random(in: 0.5...1.0)
        FileHandle.standardError.write(
          Data("annotty: \(error); retrying in \(String(format: "%.1f", pause)) s\n".utf8))
        try await Task.sleep(nanoseconds: UInt64(pause * 1e9))
      }
    }
  }

  private func printConflicts(_ opened: Workspace) throws {
    for conflict in try opened.sync.conflicts() {
      print(
        "conflict \(conflict.annotationID): \(conflict.mine.label) \(conflict.mine.kind.rawValue), "
          + "yours (\(conflict.mineDescription)) vs \(conflict.theirsDescription); "
          + "annotty sync --resolve \(conflict.annotationID) mine|theirs|both")
    }
    for rejection in try opened.sync.rejections() {
      print("rejected \(rejection.annotationID): \(rejection.name.rawValue) (\(rejection.code))")
    }
  }
}

/// A sync that failed for a reason retrying did not fix; exit status 1.
struct SyncFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
