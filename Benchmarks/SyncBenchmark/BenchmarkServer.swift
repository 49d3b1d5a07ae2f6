import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `annotty-server serve` on a random loopback port, and its admin commands.
final class BenchmarkServer {
  let binary: String
  let data: String
  private(set) var pid: pid_t = 0
  private(set) var port: UInt16 = 0

  init(binary: String, data: String) throws {
    self.binary = binary
    self.data = data
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["serve", "--data", data, "--listen", "127.0.0.1:0"]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    pid = process.processIdentifier
    var line = Data()
    let handle = output.fileHandleForReading
    while let byte = try handle.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) {
      line += byte
    }
    let text = String(decoding: line, as: UTF8.self)
    guard let last = text.split(separator: ":").last, let parsed = UInt16(last) else {
      throw BenchmarkFailure(message: "the server said \"\(text)\"")
    }
    port = parsed
  }

  func stop() {
    if pid > 0 { kill(pid, SIGTERM) }
    pid = 0
  }

  @discardableResult
  func admin(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments + ["--data", data]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let bytes = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw BenchmarkFailure(message: "annotty-server \(arguments.joined(separator: " ")) failed")
    }
    return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func addUser(_ name: String, role: String) throws -> String {
    let printed = try admin(["user", "add", name, "--role", role])
    guard let token = printed.split(separator: "\n").last(where: { $0.hasPrefix("annotty_") })
    else { throw BenchmarkFailure(message: "no token in \(printed)") }
    return String(token)
  }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
