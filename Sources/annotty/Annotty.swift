import ArgumentParser
import Foundation

/// The annotty command line: one subcommand per job.
struct Annotty: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "annotty",
    abstract: "Keyboard-driven DICOM viewing and annotation in the terminal.",
    subcommands: [
      InfoCommand.self, PixelsCommand.self, RenderCommand.self, ShowCommand.self,
      SampleCommand.self, ImportCommand.self, ListCommand.self, ExportCommand.self,
      ImportAnnotationsCommand.self, OpenCommand.self, LoginCommand.self, SyncCommand.self,
      DeidCommand.self,
    ]
  )
}

@main
enum Entry {
  static func main() async {
    do {
      var command = try Annotty.parseAsRoot()
      if var asynchronous = command as? any AsyncParsableCommand {
        try await asynchronous.run()
      } else {
        try command.run()
      }
    } catch let error as InputError {
      FileHandle.standardError.write(Data("annotty: \(error)\n".utf8))
      exit(2)
    } catch let error as SyncFailure {
      FileHandle.standardError.write(Data("annotty: \(error)\n".utf8))
      exit(1)
    } catch {
      let code = Annotty.exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((Annotty.fullMessage(for: error) + "\n").utf8))
        exit(2)
      }
      Annotty.exit(withError: error)
    }
  }
}
