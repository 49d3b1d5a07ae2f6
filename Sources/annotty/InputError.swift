import DICOM
import Foundation
import Imaging

/// Bad input from the user: which file, what is wrong. Always exits with status 2.
struct InputError: Error, CustomStringConvertible {
  var path: String
  var message: String

  var description: String { "\(path): \(message)" }
}

/// Reads and parses the DICOM file at `path`, turning every failure into an `InputError`.
func readDICOMFile(_ path: String, options: DICOMFile.ReadOptions = .init()) throws -> DICOMFile {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw InputError(path: path, message: "no such file")
  }
  guard !isDirectory.boolValue else {
    throw InputError(path: path, message: "is a directory, not a DICOM file")
  }
  let bytes: Data
  do {
    bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
  } catch {
    throw InputError(path: path, message: "cannot be read (\(error.localizedDescription))")
  }
  return try reportingInputErrors(in: path) { try DICOMFile(bytes: bytes, options: options) }
}

/// Runs `body`, turning a reader or imaging failure into bad input in the file at `path`.
func reportingInputErrors<Result>(in path: String, _ body: () throws -> Result) throws -> Result {
  do {
    return try body()
  } catch let error as DICOMError {
    throw InputError(path: path, message: error.description)
  } catch let error as ImagingError {
    throw InputError(path: path, message: error.description)
  }
}

/// Writes `bytes` to `path`, or reports which file could not be written.
func writeOutput(_ bytes: [UInt8], to path: String) throws {
  do {
    try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
  } catch {
    throw InputError(path: path, message: "cannot be written (\(error.localizedDescription))")
  }
}
