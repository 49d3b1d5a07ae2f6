import Codecs
import DICOM
import Deidentification
import Foundation
import TestSupport
import Testing

/// Runs the independent pydicom oracle over copies de-identified from pydicom's test files.
@Suite struct OracleTests {
  static let python: String? = (try? PythonOracle.interpreter())?.path

  static let oracleScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Oracle/check_deid.py")

  /// Files, each with the rectangles to redact, whether dates are shifted instead of removed,
  /// and whether its compressed pixels are decoded first (as the shell does).
  static let cases:
    [(file: String, rectangles: [RedactionRectangle], modifiedDates: Bool, decode: Bool)] = [
      ("CT_small.dcm", [RedactionRectangle(x: 10, y: 5, width: 40, height: 12)], false, false),
      ("MR_small.dcm", [], false, false),
      ("MR_small.dcm", [], true, false),
      (
        "MR_small_bigendian.dcm", [RedactionRectangle(x: 0, y: 0, width: 64, height: 4)], false,
        false
      ),
      ("MR_small_RLE.dcm", [RedactionRectangle(x: 60, y: 60, width: 10, height: 10)], false, true),
      (
        "SC_rgb_rle_2frame.dcm", [RedactionRectangle(x: 5, y: 10, width: 20, height: 30)], false,
        true
      ),
      ("rtplan.dcm", [], false, false),
      ("rtdose.dcm", [], true, false),
      ("waveform_ecg.dcm", [], false, false),
      ("reportsi.dcm", [], false, false),
      ("liver_1frame.dcm", [], false, false),
    ]

  @Test(
    .enabled(
      if: python != nil,
      "no Python with pydicom: set ANNOTTY_PYTHON or run Scripts/bootstrap to create .venv"))
  func pydicomOracleFindsNoLeaksAndConsistentUIDs() throws {
    let python = try #require(Self.python)
    let testFiles =
      try run(
        python, ["-c", "import os, pydicom; print(os.path.dirname(pydicom.__file__))"]
      ).output.trimmingCharacters(in: .whitespacesAndNewlines) + "/data/test_files"
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-deid-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    var manifest: [[String: Any]] = []
    for (index, testCase) in Self.cases.enumerated() {
      let original = "\(testFiles)/\(testCase.file)"
      let file = try DICOMFile(bytes: Data(contentsOf: URL(fileURLWithPath: original)))
      let deidentifier = Deidentifier(
        key: TestData.key,
        options: .init(retainLongitudinalModifiedDates: testCase.modifiedDates))
      let native = testCase.decode ? try NativePixels.decoding(file) : nil
      let result = try deidentifier.deidentify(
        file.dataSet, nativePixels: native, redactions: testCase.rectangles)
      let output = directory.appendingPathComponent("\(index)-\(testCase.file)")
      try result.part10().write(to: output)
      manifest.append([
        "original": original, "deidentified": output.path,
        "rectangles": testCase.rectangles.map { [$0.x, $0.y, $0.width, $0.height] },
        "modifiedDates": testCase.modifiedDates,
      ])
    }
    try checkWithOracle(python, manifest, in: directory)
  }

  /// Every pydicom test file either de-identifies into a file the oracle accepts, or is
  /// rejected with a DeidentificationError (compressed pixels, no SOP Instance UID): never a
  /// crash, never a partial file.
  @Test(
    .enabled(
      if: python != nil,
      "no Python with pydicom: set ANNOTTY_PYTHON or run Scripts/bootstrap to create .venv"))
  func everyPydicomTestFileIsDeidentifiedOrRejected() throws {
    let python = try #require(Self.python)
    let testFiles = try testFilesDirectory(python)
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let names = try FileManager.default.contentsOfDirectory(atPath: testFiles).filter {
      $0.hasSuffix(".dcm")
    }.sorted()

    var manifest: [[String: Any]] = []
    var rejected = 0
    for name in names {
      let original = "\(testFiles)/\(name)"
      guard let file = try? DICOMFile(bytes: Data(contentsOf: URL(fileURLWithPath: original)))
      else { continue }
      do {
        // Compressed pixels are decoded with the codecs, as annotty deid does; lossy ones may
        // differ from pydicom's decoder by a little (see Scripts/conformance).
        let syntax = file.transferSyntax
        let native =
          syntax.isEncapsulated && file.dataSet[.pixelData] != nil
          ? try NativePixels.decoding(file, registry: .standard) : nil
        let result = try Deidentifier(key: TestData.key).deidentify(
          file.dataSet, nativePixels: native)
        let output = directory.appendingPathComponent(name)
        try result.part10().write(to: output)
        manifest.append([
          "original": original, "deidentified": output.path,
          "pixelTolerance": syntax.isLossless ? 0 : 3, "decoded": native != nil,
        ])
      } catch {
        rejected += 1
      }
    }
    #expect(manifest.count >= 60)
    #expect(rejected > 0)
    print("deid oracle: \(manifest.count) pydicom test files de-identified, \(rejected) rejected")
    try checkWithOracle(python, manifest, in: directory)
  }

  private func testFilesDirectory(_ python: String) throws -> String {
    try run(python, ["-c", "import os, pydicom; print(os.path.dirname(pydicom.__file__))"])
      .output.trimmingCharacters(in: .whitespacesAndNewlines) + "/data/test_files"
  }

  private func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-deid-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  private func checkWithOracle(
    _ python: String, _ manifest: [[String: Any]], in directory: URL
  ) throws {
    let manifestURL = directory.appendingPathComponent("manifest.json")
    try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
    let oracle = try run(python, [Self.oracleScript.path, manifestURL.path])
    #expect(oracle.status == 0, "\(oracle.output)")
    #expect(oracle.output.contains("oracle: checked"), "\(oracle.output)")
  }

  private func run(_ executable: String, _ arguments: [String]) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
