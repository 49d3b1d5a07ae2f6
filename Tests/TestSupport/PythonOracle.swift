import Foundation

/// Runs the Python oracle (pydicom, numpy) so tests can compare annotty with an independent reader.
public enum PythonOracle {
  /// Why the oracle could not give an answer.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The interpreter: `ANNOTTY_PYTHON`, else `.venv/bin/python` in the package (Scripts/bootstrap).
  public static func interpreter(packageRoot: URL = packageRoot()) throws -> URL {
    let environment = ProcessInfo.processInfo.environment
    var candidates: [String] = []
    if let configured = environment["ANNOTTY_PYTHON"], !configured.isEmpty {
      candidates.append(configured)
    }
    candidates.append(packageRoot.appendingPathComponent(".venv/bin/python").path)
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
      return URL(fileURLWithPath: candidate)
    }
    throw Failure(
      description: "no Python with pydicom found (tried \(candidates.joined(separator: ", "))); "
        + "set ANNOTTY_PYTHON to a python that has pydicom and numpy installed")
  }

  /// Runs `script` with `arguments`; returns standard output, or throws with standard error.
  /// Output goes through files, so neither stream can fill a pipe and block the child.
  public static func run(_ script: String, arguments: [String] = []) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("stdout")
    let errors = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    let outputHandle = try FileHandle(forWritingTo: output)
    let errorHandle = try FileHandle(forWritingTo: errors)
    defer {
      try? outputHandle.close()
      try? errorHandle.close()
    }
    let process = Process()
    process.executableURL = try interpreter()
    process.arguments = ["-c", script] + arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      throw Failure(
        description: "the Python oracle exited \(process.terminationStatus): \(message)")
    }
    return String(decoding: try Data(contentsOf: output), as: UTF8.self)
  }

  /// Runs `script` and decodes its standard output as JSON.
  public static func json<Value: Decodable>(
    _ type: Value.Type, _ script: String, arguments: [String] = []
  ) throws -> Value {
    let text = try run(script, arguments: arguments)
    do {
      return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
    } catch {
      throw Failure(description: "the Python oracle printed no valid JSON: \(error)\n\(text)")
    }
  }

  /// The package root, found from this source file's location.
  public static func packageRoot(file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// A fresh temporary folder for files the oracle reads.
  public static func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("annotty-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
