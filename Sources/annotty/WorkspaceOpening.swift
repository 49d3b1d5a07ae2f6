import ArgumentParser
import Foundation
import Workspace

/// `-w WS`, shared by the commands that work on a workspace (default: the current folder).
struct WorkspaceOption: ParsableArguments {
  @Option(name: [.customShort("w"), .customLong("workspace")], help: "The workspace folder.")
  var path = "."

  /// Opens a workspace that must already exist (for reading commands such as `ls` and
  /// `export`, which should not leave an empty workspace behind a typo).
  func openExisting() throws -> Workspace {
    let database = URL(fileURLWithPath: path).appendingPathComponent(Workspace.databaseFileName)
      .path
    guard FileManager.default.fileExists(atPath: database) else {
      throw InputError(
        path: path, message: "no workspace here (no annotty.sqlite); create one with annotty import"
      )
    }
    return try open()
  }

  /// Opens (creating when missing) the workspace; failures are bad input naming the folder.
  func open() throws -> Workspace {
    do {
      return try Workspace(folderPath: path)
    } catch let error as WorkspaceError {
      throw InputError(path: path, message: "cannot open the workspace: \(error)")
    }
  }
}
