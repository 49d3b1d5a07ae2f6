import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The built `annotty-server` binary (beside the test bundle), run as a person would.
enum ServerBinary {
  static var path: String {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
      .appendingPathComponent("annotty-server").path
  }

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs a command to completion (administration commands finish in well under a second).
  static func run(_ arguments: [String]) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }
}

/// A running `annotty-server serve`, its port read from the `listening on` line.
final class RunningServer: @unchecked Sendable {
  let process = Process()
  let port: Int

  init(data: String) throws {
    process.executableURL = URL(fileURLWithPath: ServerBinary.path)
    process.arguments = ["serve", "--data", data, "--listen", "127.0.0.1:0"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let reader = out.fileHandleForReading
    // Read on another thread with a deadline, so a server that never binds fails the test
    // instead of hanging it.
    let line = LockedLine()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      var bytes = Data()
      while true {
        let chunk = reader.availableData
        if chunk.isEmpty { break }
        bytes.append(chunk)
        if bytes.contains(UInt8(ascii: "\n")) { break }
      }
      line.set(String(decoding: bytes, as: UTF8.self))
      done.signal()
    }
    guard done.wait(timeout: .now() + 60) == .success,
      let text = line.value, text.hasPrefix("listening on 127.0.0.1:"),
      let port = Int(text.dropFirst("listening on 127.0.0.1:".count).prefix { $0.isNumber })
    else {
      process.terminate()
      throw ServerStartFailure(line: line.value ?? "(nothing)")
    }
    self.port = port
  }

  /// Sends SIGTERM and waits for the exit status.
  func stop() -> Int32 {
    process.terminate()
    process.waitUntilExit()
    return process.terminationStatus
  }

  func request(
    _ method: String, _ path: String, token: String, body: String? = nil
  ) async throws -> (Int, Data) {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = method
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    if let body {
      request.httpBody = Data(body.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
  }
}

struct ServerStartFailure: Error {
  var line: String
}

final class LockedLine: @unchecked Sendable {
  private let lock = NSLock()
  private var text: String?
  var value: String? { lock.withLock { text } }
  func set(_ value: String) { lock.withLock { text = value } }
}
