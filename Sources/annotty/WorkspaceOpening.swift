import ArgumentParser
import Foundation
import Workspace

/// `-w WS`, shared by the commands that work on a workspace (default: the current folder).
struct WorkspaceOption: ParsableArguments {
  @Option(name: [.customShort("w"), .customLong("workspace")], help: "The workspace folder.")
  var path = "."

  /// Opens (creating when missing) the workspace; failures are bad input naming the folder.
  func open() throws -> Workspace {
    do {
      return try Workspace(folderPath: path)
    } catch let error as WorkspaceError {
      throw InputError(path: path, message: "cannot open the workspace: \(error)")
    }
  }
}
