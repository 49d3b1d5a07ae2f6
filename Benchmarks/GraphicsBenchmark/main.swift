import DICOM
import Foundation
import Imaging
import TerminalGraphics

// Gray sixel against img2sixel and chafa on one 512 x 512 windowed CT slice, in one run:
// bytes, encode time, gray levels shown, PSNR against the exact 8-bit windowed image.
// Usage: GraphicsBenchmark [--runs N]

let runs =
  CommandLine.arguments.firstIndex(of: "--runs").flatMap {
    CommandLine.arguments.indices.contains($0 + 1) ? Int(CommandLine.arguments[$0 + 1]) : nil
  } ?? 41

let frame = SheppLoganCT.frame(size: 512, noiseHU: 12.5, seed: 7)
let renderer = Renderer(
  modality: .rescale(slope: 1, intercept: -1024),
  voi: .window(try Window(center: 40, width: 400)))
let exact = try renderer.render(frame)

let scratch = FileManager.default.temporaryDirectory
  .appendingPathComponent("annotty-graphics-benchmark-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let pngPath = scratch.appendingPathComponent("slice.png").path
try Data(PNGEncoder.encode(exact)).write(to: URL(fileURLWithPath: pngPath))

var rows: [BenchmarkRow] = []

// In-process: window/level + encode, and encode alone, on this thread (one core).
for levels in [101, 64, 32] {
  var output: [UInt8] = []
  let total = medianMilliseconds(runs) {
    let image = try! renderer.render(frame)
    output = GraySixelEncoder.encode(image, levels: levels)
  }
  let encodeOnly = medianMilliseconds(runs) {
    output = GraySixelEncoder.encode(exact, levels: levels)
  }
  rows.append(
    try BenchmarkRow.measure(
      name: "annotty gray sixel, \(levels) levels", sixel: output, exact: exact,
      milliseconds: encodeOnly, windowAndEncode: total))
}

// Anchors: the same image through img2sixel and chafa, timed as processes (start-up included).
let anchors: [(String, String, [String])] = [
  ("img2sixel -p 32 -d none (32 colors)", "img2sixel", ["-p", "32", "-d", "none", pngPath]),
  (
    "img2sixel -b gray8 -d none -E size", "img2sixel",
    ["-b", "gray8", "-d", "none", "-E", "size", pngPath]
  ),
  (
    "chafa -f sixels --size 64x64", "chafa",
    ["-f", "sixels", "--size", "64x64", "--font-ratio", "1", "--scale", "max", pngPath]
  ),
]
for (name, tool, arguments) in anchors {
  guard let executable = findExecutable(tool) else {
    print("warning: \(tool) not found; install it (Scripts/bootstrap) to compare")
    continue
  }
  var output: [UInt8] = []
  let time = medianMilliseconds(max(runs / 4, 5)) {
    output = runProcess(executable, arguments)
  }
  rows.append(
    try BenchmarkRow.measure(name: name, sixel: output, exact: exact, milliseconds: time))
}

// img2sixel's adaptive palette shows fewer grays than its 32 colours; annotty at the fewest
// levels that show as many grays compares the two at the same gray count.
if let adaptive = rows.first(where: { $0.name.hasPrefix(BenchmarkRow.adaptiveAnchor) }),
  let levels = (2...32).first(where: { levels in
    let shown = try? DisplayedSixel(GraySixelEncoder.encode(exact, levels: levels))
    return Set(shown?.grays ?? []).count >= adaptive.grayLevels
  })
{
  var output: [UInt8] = []
  let encodeOnly = medianMilliseconds(runs) {
    output = GraySixelEncoder.encode(exact, levels: levels)
  }
  rows.append(
    try BenchmarkRow.measure(
      name: "annotty gray sixel, \(levels) levels (\(adaptive.grayLevels) grays)", sixel: output,
      exact: exact, milliseconds: encodeOnly))
}

BenchmarkRow.printTable(rows)
