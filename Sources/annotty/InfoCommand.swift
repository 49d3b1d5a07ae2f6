import ArgumentParser
import DICOM
import Foundation

/// `annotty info`: every element of a file, like dcmdump, or as JSON.
struct InfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Print every element: tag, VR, keyword, value.")

  @Argument(help: "A DICOM file.") var file: String
  @Flag(help: "Print JSON instead of text.") var json = false

  func run() throws {
    let parsed = try readDICOMFile(file)
    let dump = DumpedFile(path: file, file: parsed)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      FileHandle.standardOutput.write(try encoder.encode(dump))
      FileHandle.standardOutput.write(Data("\n".utf8))
    } else {
      FileHandle.standardOutput.write(Data(dump.text().utf8))
    }
  }
}
