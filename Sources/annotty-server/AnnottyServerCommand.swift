import AnnottyServer
import ArgumentParser
import Foundation
import SyncProtocol

/// `annotty-server`: the team sync server and its administration.
@main
struct AnnottyServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotty-server",
    abstract: "The annotty team sync server and its administration.",
    subcommands: [
      Serve.self, UserCommand.self, TokenCommand.self, ProjectCommand.self, Assign.self,
      AuditCommand.self,
    ])
}

/// `--data DIR`, shared by every command.
struct DataOption: ParsableArguments {
  @Option(name: .long, help: "The server's data directory (holds annotty-server.sqlite).")
  var data: String

  /// Opens the store, or stops with a message naming the file and exit status 2.
  func openStore(idleTimeout: TimeInterval = TokenLifetime.defaultIdleTimeout) throws
    -> SQLiteServerStore
  {
    do {
      return try SQLiteServerStore(
        directory: URL(fileURLWithPath: data), idleTimeout: idleTimeout)
    } catch {
      throw CommandFailure("\(data)/annotty-server.sqlite: cannot open (\(describe(error)))")
    }
  }
}

/// A failure a person can act on: printed to stderr, exit status 2.
struct CommandFailure: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

func describe(_ error: any Error) -> String {
  if let error = error as? APIError { return "\(error.error): \(error.message)" }
  if let error = error as? CommandFailure { return error.message }
  return String(describing: error)
}

/// Runs an administration action, turning every error into a message and exit status 2.
func runReportingErrors(_ body: () async throws -> Void) async throws {
  do {
    try await body()
  } catch let error as ExitCode {
    throw error
  } catch {
    FileHandle.standardError.write(Data("annotty-server: \(describe(error))\n".utf8))
    throw ExitCode(2)
  }
}
