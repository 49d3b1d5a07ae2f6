import Foundation
import Imaging
import TerminalGraphics

/// One encoder's result on the benchmark slice.
struct BenchmarkRow {
  var name: String
  var bytes: Int
  var milliseconds: Double
  var windowAndEncode: Double?
  var grayLevels: Int
  var psnr: Double
  var size: String

  /// Decodes `sixel` as a terminal would show it and compares it with `exact`.
  static func measure(
    name: String, sixel: [UInt8], exact: GrayImage, milliseconds: Double,
    windowAndEncode: Double? = nil
  ) throws -> BenchmarkRow {
    let shown = try DisplayedSixel(sixel)
    return BenchmarkRow(
      name: name, bytes: sixel.count, milliseconds: milliseconds,
      windowAndEncode: windowAndEncode, grayLevels: Set(shown.grays).count,
      psnr: shown.psnr(against: exact), size: "\(shown.width)x\(shown.height)")
  }

  /// img2sixel with its gray palette and its smallest output: at most 32 grays (libsixel's
  /// limit on gray input), the anchor of the bytes goal.
  static let grayAnchor = "img2sixel -b gray8"
  /// img2sixel with a 32-colour adaptive palette (the same bytes as its default).
  static let adaptiveAnchor = "img2sixel -p 32"

  static func printTable(_ rows: [BenchmarkRow]) {
    let anchor = rows.first { $0.name.hasPrefix(adaptiveAnchor) }
    print(
      "encoder".padding(toLength: 40, withPad: " ", startingAt: 0)
        + "   bytes   size     encode ms  W/L+enc ms  grays  PSNR dB  bytes/img2sixel -p 32")
    for row in rows {
      let ratio = anchor.map { String(format: "%.3f", Double(row.bytes) / Double($0.bytes)) } ?? "-"
      let windowed = row.windowAndEncode.map { String(format: "%10.2f", $0) } ?? "         -"
      print(
        row.name.padding(toLength: 40, withPad: " ", startingAt: 0)
          + String(
            format: " %7d  %-8@ %9.2f  %@  %5d  %7.1f  %@", row.bytes, row.size, row.milliseconds,
            windowed, row.grayLevels, row.psnr, ratio))
    }
    let ours32 = rows.first { $0.name.hasSuffix(" 32 levels") }
    for (prefix, goal) in [(grayAnchor, " (goal <= 0.9)"), (adaptiveAnchor, "")] {
      guard let ours32, let img2sixel = rows.first(where: { $0.name.hasPrefix(prefix) }) else {
        continue
      }
      print(
        String(
          format: "annotty 32 levels (%d grays) / %@ (%d grays): bytes %.3f%@",
          ours32.grayLevels, prefix, img2sixel.grayLevels,
          Double(ours32.bytes) / Double(img2sixel.bytes), goal))
    }
    if let anchor, let matched = rows.first(where: { $0.name.hasSuffix(" grays)") }) {
      print(
        String(
          format: "annotty at the same %d grays as %@: bytes %.3f, PSNR %.1f vs %.1f dB",
          anchor.grayLevels, adaptiveAnchor, Double(matched.bytes) / Double(anchor.bytes),
          matched.psnr, anchor.psnr))
    }
    if let ours101 = rows.first(where: { $0.name.hasSuffix("101 levels") }) {
      print(String(format: "annotty 101 levels: PSNR %.1f dB (goal >= 45)", ours101.psnr))
      if let windowed = ours101.windowAndEncode {
        print(String(format: "window/level + encode 512x512: %.2f ms median (goal <= 2)", windowed))
      }
    }
  }
}

/// What a terminal shows for a sixel: the 8-bit gray of each pixel as xterm displays the
/// register's percent, `(p * 65535 / 100) >> 8`.
struct DisplayedSixel {
  var width: Int
  var height: Int
  var grays: [UInt8]

  init(_ sixel: [UInt8]) throws {
    let decoded = try SixelDecoder.decode(sixel)
    width = decoded.width
    height = decoded.height
    var grays = [UInt8](repeating: 0, count: width * height)
    for y in 0..<height {
      for x in 0..<width {
        let color = decoded.color(x: x, y: y) ?? .gray(0)
        let mean = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
        grays[y * width + x] = GrayQuantizer.xtermDisplayedValue(percent: UInt8(mean))
      }
    }
    self.grays = grays
  }

  /// Peak signal-to-noise ratio over the area both images cover.
  func psnr(against exact: GrayImage) -> Double {
    let w = min(width, exact.width)
    let h = min(height, exact.height)
    var squared = 0.0
    for y in 0..<h {
      for x in 0..<w {
        let d = Double(grays[y * width + x]) - Double(exact.pixels[y * exact.width + x])
        squared += d * d
      }
    }
    let mse = squared / Double(max(w * h, 1))
    return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
  }
}

func medianMilliseconds(_ runs: Int, _ body: () -> Void) -> Double {
  var samples: [Double] = []
  for _ in 0..<max(runs, 1) {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  return samples.sorted()[samples.count / 2]
}

func findExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/\(name)" }
    .first { FileManager.default.isExecutableFile(atPath: $0) }
}

func runProcess(_ executable: String, _ arguments: [String]) -> [UInt8] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  do { try process.run() } catch { return [] }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Array(data)
}
