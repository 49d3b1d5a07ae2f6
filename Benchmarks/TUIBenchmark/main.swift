import AppCore
import AppShell
import DICOM
import Foundation
import Imaging
import TerminalGraphics
import TerminalNcurses

// `annotty open` responsiveness, in one run on the sample CT (512 x 512 slices) at 120 x 40
// cells of 10 x 20 px (an 880 x 760 px viewport), gray sixel with 101 levels:
//   1. key press to bytes ready for the next slice, in-process (cold: decoded now; warm: cached),
//      against img2sixel and chafa drawing the same slice from a PNG (process time);
//   2. bytes for one crosshair step against a whole frame;
//   3. holding the next-slice key for 5 s on a pseudo-terminal read at 1.25 MB/s.
// Usage: TUIBenchmark [--rounds N]

let arguments = CommandLine.arguments
var rounds = 3
if let flag = arguments.firstIndex(of: "--rounds"), flag + 1 < arguments.count,
  let value = Int(arguments[flag + 1])
{
  rounds = value
}

let fixture = try Fixture()
defer { fixture.remove() }

// 1. Key press to bytes.
let session = fixture.session()
session.resize(columns: 120, rows: 40, now: now)
session.start(now: now)
_ = session.output(clock: 0)
var cold: [Double] = []
var warm: [Double] = []
var frameBytes: [Double] = []
for round in 0..<(rounds + 1) {
  for key in ["j", "k"] {
    for _ in 0..<63 {
      session.handle(.terminalReady, now: now)
      let start = milliseconds()
      press(session, key)
      let output = session.output(clock: 0)
      let elapsed = milliseconds() - start
      if round == 0 && key == "j" { cold.append(elapsed) } else { warm.append(elapsed) }
      frameBytes.append(Double(bytes(output)))
    }
  }
}

// The anchors: the same windowed slice as a PNG, drawn into the same box by img2sixel and chafa.
let scratch = FileManager.default.temporaryDirectory
  .appendingPathComponent("annotty-tui-anchor-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let slice = fixture.contents.locations[0][31].path
let file = try DICOMFile(bytes: try Data(contentsOf: URL(fileURLWithPath: slice)))
let settings = try DisplaySettings(
  dataSet: file.dataSet, pixels: try file.pixelDescription(), frameIndex: 0)
let windowed = try settings.renderer().render(try file.pixelFrame(0))
let png = scratch.appendingPathComponent("slice.png").path
try Data(PNGEncoder.encode(windowed)).write(to: URL(fileURLWithPath: png))
let img2sixel = findExecutable("img2sixel").map {
  processMilliseconds($0, ["-h", "760", "-p", "32", png], runs: 9)
}
let chafa = findExecutable("chafa").map {
  processMilliseconds($0, ["-f", "sixels", "-s", "88x38", png], runs: 9)
}

// Rapid classification: one digit per image, the next image encoded while the user looks.
let rapid = fixture.session()
rapid.resize(columns: 120, rows: 40, now: now)
rapid.start(now: now)
press(rapid, "T")
_ = rapid.output(clock: 0)
var rapidAhead: [Double] = []
for _ in 0..<60 {
  rapid.handle(.terminalReady, now: now)
  while rapid.doIdleWork() {}
  let start = milliseconds()
  press(rapid, "2")
  _ = rapid.output(clock: 0)
  rapidAhead.append(milliseconds() - start)
}

// 2. A crosshair step on the middle slice, against that slice sent whole.
let drawing = fixture.session()
drawing.resize(columns: 120, rows: 40, now: now)
drawing.start(now: now)
press(drawing, String(repeating: "j ", count: 31))
let fullFrameBytes = bytes(drawing.output(clock: 0))
drawing.handle(.terminalReady, now: now)
press(drawing, "b")
_ = drawing.output(clock: 0)
var stepBytes: [Double] = []
for key in Array(repeating: "<Right>", count: 20) + Array(repeating: "<Down>", count: 20) {
  drawing.handle(.terminalReady, now: now)
  press(drawing, key)
  stepBytes.append(Double(bytes(drawing.output(clock: 0))))
}

// 3. Holding the key on a slow link.
let terminal = try ThrottledTerminal(bytesPerSecond: 1_250_000, rows: 40, columns: 120)
let screen = try TerminalScreen(
  options: TerminalScreen.Options(
    terminalType: "xterm-256color", inputDescriptor: terminal.slave,
    outputDescriptor: terminal.slave, installsSignalHandlers: false))
let held = fixture.session(copies: 4)
terminal.startReading()
let keyRate = 30.0
let holdSeconds = 5.0
final class Marks: @unchecked Sendable {
  var pressStart = 0.0
  var release = 0.0
  var presses = 0
  var lastKey = 0.0
  var quietFrom = 0.0
}
let marks = Marks()
let typist = Thread {
  usleep(1_500_000)  // the first frame
  marks.pressStart = milliseconds()
  while milliseconds() - marks.pressStart < holdSeconds * 1000 {
    terminal.type("j")
    marks.lastKey = milliseconds()
    marks.presses += 1
    usleep(UInt32(1_000_000 / keyRate))
  }
  marks.release = milliseconds()
  usleep(3_000_000)
  marks.quietFrom = terminal.lastReadTime
  terminal.type("q")
}
typist.start()
TerminalLoop.run(held, screen: screen)
screen.stop()
terminal.stop()
let images = terminal.imageTimes
let whileHeld = images.filter { $0 >= marks.pressStart && $0 < marks.release }
let afterLastKey = images.filter { $0 >= marks.lastKey }
// The screen is quiet once the last image's bytes have arrived (the 3 s wait before q is idle).
let settle = marks.quietFrom - marks.lastKey

print("annotty open, sample CT 512x512, 880x760 px viewport (120x40 cells of 10x20), 101 grays")
print("")
print("| measurement | value | anchor | ratio |")
print("|---|---:|---:|---:|")
let warmMedian = quantile(warm, 0.5)
func ratio(_ anchor: Double?) -> String {
  anchor.map { format(warmMedian / $0, 3) + "x" } ?? "-"
}
print(
  "| key to bytes, warm, median (p90) | \(format(warmMedian)) ms (\(format(quantile(warm, 0.9)))) "
    + "| img2sixel \(img2sixel.map { format($0) } ?? "missing") ms | \(ratio(img2sixel)) |")
print(
  "| key to bytes, cold (decode), median (p90) | \(format(quantile(cold, 0.5))) ms "
    + "(\(format(quantile(cold, 0.9)))) | chafa \(chafa.map { format($0) } ?? "missing") ms "
    + "| \(ratio(chafa)) |")
print("| bytes per slice, median | \(Int(quantile(frameBytes, 0.5))) | | |")
print(
  "| rapid mode, digit to bytes (next image encoded ahead), median (p90) "
    + "| \(format(quantile(rapidAhead, 0.5), 3)) ms (\(format(quantile(rapidAhead, 0.9), 3))) | | |"
)
let stepMedian = quantile(stepBytes, 0.5)
print(
  "| crosshair step, median bytes (max) | \(Int(stepMedian)) (\(Int(stepBytes.max() ?? 0))) "
    + "| slice 32 whole \(fullFrameBytes) | \(format(stepMedian / Double(fullFrameBytes) * 100, 1))% |"
)
print(
  "| 1.25 MB/s link, key held \(Int(holdSeconds)) s at \(Int(keyRate))/s | \(marks.presses) presses, "
    + "\(whileHeld.count) frames drawn (\(format(Double(whileHeld.count) / holdSeconds, 1))/s) | | |"
)
print(
  "| after the last key | \(afterLastKey.count) frame(s) started; output done \(format(settle, 0)) ms "
    + "after the last key; slice \(held.state.frameIndex + 1) of "
    + "\(held.state.currentStack?.frameCount ?? 0) after \(marks.presses) presses | | |")
if ProcessInfo.processInfo.environment["TUI_BENCHMARK_DEBUG"] != nil {
  print(images.map { format($0 - marks.pressStart, 0) }.joined(separator: " "))
  print(
    "release at \(format(marks.release - marks.pressStart, 0)), read \(terminal.bytesRead) bytes")
}
