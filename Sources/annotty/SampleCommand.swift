import ArgumentParser
import Foundation
import SampleData

/// `annotty sample`: writes the synthetic study (a CT head phantom and a multi-frame MR).
struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Write a synthetic CT head and multi-frame MR study (valid DICOM, no PHI).",
    discussion: """
      The CT is a 3-D head phantom in Hounsfield units: 64 axial slices of 512x512, 2.5 mm
      apart, with brain, subdural and bone windows. The MR is one Enhanced MR object of 24
      frames. The same files, byte for byte, every time.
      """)

  @Argument(help: "The folder to write into (created if missing).") var directory: String

  func run() throws {
    let root = URL(fileURLWithPath: directory)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      throw InputError(path: directory, message: "exists and is not a folder")
    }
    let files: [(relativePath: String, bytes: Data)]
    do {
      files = try SyntheticStudy.files()
    } catch {
      throw InputError(path: directory, message: "cannot build the sample study: \(error)")
    }
    for file in files {
      let target = root.appendingPathComponent(file.relativePath)
      do {
        try FileManager.default.createDirectory(
          at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw InputError(
          path: target.deletingLastPathComponent().path,
          message: "cannot create the folder (\(error.localizedDescription))")
      }
      try writeOutput(Array(file.bytes), to: target.path)
    }
    let total = files.reduce(0) { $0 + $1.bytes.count }
    print("wrote \(files.count) files (\(total / 1_000_000) MB) under \(directory)")
  }
}
