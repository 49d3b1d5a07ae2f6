import Foundation

/// libsixel's `sixel2png` and netpbm's `pngtopnm`, run as real processes: an independent decoder.
enum ExternalDecoder {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// An 8-bit RGB picture read back from a binary PPM.
  struct Picture {
    let width: Int
    let height: Int
    let rgb: [UInt8]

    func pixel(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
      let offset = (y * width + x) * 3
      return (rgb[offset], rgb[offset + 1], rgb[offset + 2])
    }
  }

  /// Decodes `sixel` with sixel2png and converts the PNG with pngtopnm.
  static func decode(_ sixel: [UInt8]) throws -> Picture {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sixel-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.six")
    let png = folder.appendingPathComponent("out.png")
    let ppm = folder.appendingPathComponent("out.ppm")
    try Data(sixel).write(to: input)
    try run(
      tool: "sixel2png", package: "libsixel-bin", arguments: ["-i", input.path, "-o", png.path],
      output: nil, in: folder)
    try run(tool: "pngtopnm", package: "netpbm", arguments: [png.path], output: ppm, in: folder)
    return try parsePPM([UInt8](Data(contentsOf: ppm)))
  }

  /// Encodes an 8-bit gray frame with libsixel's own encoder (`img2sixel -b gray8 -d none`).
  static func img2sixel(width: Int, height: Int, gray: [UInt8]) throws -> [UInt8] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sixel-oracle-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.pgm")
    let output = folder.appendingPathComponent("out.six")
    try Data(Array("P5\n\(width) \(height)\n255\n".utf8) + gray).write(to: input)
    try run(
      tool: "img2sixel", package: "libsixel-bin",
      arguments: ["-b", "gray8", "-d", "none", "-o", output.path, input.path], output: nil,
      in: folder)
    return [UInt8](try Data(contentsOf: output))
  }

  private static func run(
    tool: String, package: String, arguments: [String], output: URL?, in folder: URL
  ) throws {
    guard let executable = find(tool) else {
      throw Failure(
        description:
          "\(tool) is not on PATH: install the Debian package \(package) to run the oracle")
    }
    let errors = folder.appendingPathComponent("\(tool).stderr")
    let errorHandle = try emptyFile(errors)
    defer { try? errorHandle.close() }
    let outputHandle = try output.map(emptyFile)
    defer { try? outputHandle?.close() }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardError = errorHandle
    process.standardOutput = outputHandle ?? FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
      throw Failure(description: "\(tool) exited with \(process.terminationStatus): \(message)")
    }
  }

  private static func emptyFile(_ url: URL) throws -> FileHandle {
    guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
      throw Failure(description: "cannot create \(url.path)")
    }
    return try FileHandle(forWritingTo: url)
  }

  private static func find(_ tool: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(tool)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Reads a binary PPM (P6, maxval 255), skipping comments in the header.
  static func parsePPM(_ bytes: [UInt8]) throws -> Picture {
    var offset = 0
    func token() throws -> String {
      while offset < bytes.count {
        if bytes[offset] == 0x23 {
          while offset < bytes.count, bytes[offset] != 0x0A { offset += 1 }
        } else if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) {
          offset += 1
        } else {
          break
        }
      }
      let start = offset
      while offset < bytes.count, ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
      guard offset > start else { throw Failure(description: "PPM header ends early") }
      return String(decoding: bytes[start..<offset], as: UTF8.self)
    }
    guard try token() == "P6" else { throw Failure(description: "pngtopnm did not write a P6 PPM") }
    guard let width = Int(try token()), let height = Int(try token()), try token() == "255" else {
      throw Failure(description: "PPM size or maxval unreadable")
    }
    offset += 1
    let rgb = Array(bytes[Swift.min(offset, bytes.count)...])
    guard rgb.count == width * height * 3 else {
      throw Failure(description: "PPM holds \(rgb.count) bytes, expected \(width * height * 3)")
    }
    return Picture(width: width, height: height, rgb: rgb)
  }
}
