import DICOM
import Foundation
import SampleData
import TestSupport

/// The sample generated once and shared by the tests (generation is the slow part).
enum GeneratedStudy {
  static let files: Result<[(relativePath: String, bytes: Data)], any Error> = Result {
    try SyntheticStudy.files()
  }

  static func all() throws -> [(relativePath: String, bytes: Data)] { try files.get() }

  static func ct() throws -> [(relativePath: String, file: DICOMFile)] {
    try all().filter { $0.relativePath.contains("/CT_HEAD/") }.map {
      (relativePath: $0.relativePath, file: try DICOMFile(bytes: $0.bytes))
    }
  }

  static func mr() throws -> DICOMFile {
    let entry = try require(
      try all().first { $0.relativePath.contains("/MR_T2_ENHANCED/") }, "MR file")
    return try DICOMFile(bytes: entry.bytes)
  }

  /// The study written to a fresh temporary folder, for the Python oracle.
  static func writtenToDisk() throws -> URL {
    let folder = try PythonOracle.temporaryDirectory("sample")
    for entry in try all() {
      let url = folder.appendingPathComponent(entry.relativePath)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try entry.bytes.write(to: url)
    }
    return folder
  }
}

/// A missing value, reported where the test asked for it.
struct MissingValue: Error, CustomStringConvertible {
  var description: String
}

func require<Value>(_ value: Value?, _ what: String = "value") throws -> Value {
  guard let value else { throw MissingValue(description: "missing \(what)") }
  return value
}
