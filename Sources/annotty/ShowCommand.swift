import ArgumentParser
import Foundation
import Imaging
import TerminalGraphics
import TerminalIO

/// `annotty show`: one frame printed inline in the terminal, sized to fit, like img2sixel.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print one frame inline in the terminal (kitty, iTerm2, sixel or half-blocks).",
    discussion: WindowOptions.discussion + """

      The terminal is asked what it can draw (kitty graphics, iTerm2 images, sixel) and how
      large its cells are; inside tmux older than 3.4 half-blocks are used. --protocol overrides.
      """)

  @Argument(help: "A DICOM file.") var file: String
  @Option(help: "Frame number, starting at 1.") var frame = 1
  @OptionGroup var windowing: WindowOptions
  @Option(help: "auto, sixel, kitty, iterm2 or blocks.") var `protocol` = "auto"
  @Option(help: "Width in columns (default: the terminal's).") var cols: Int?
  @Option(help: "Gray levels of a sixel (2...101).") var levels = 101
  @Flag(
    name: [.short, .long], help: "Say on stderr what the terminal answered and what was chosen.")
  var verbose = false

  func validate() throws {
    guard frame >= 1 else { throw ValidationError("--frame starts at 1") }
    guard (2...101).contains(levels) else { throw ValidationError("--levels must be 2...101") }
    if let cols, cols < 1 { throw ValidationError("--cols must be at least 1") }
    guard `protocol` == "auto" || GraphicsProtocol(rawValue: `protocol`) != nil else {
      throw ValidationError("--protocol must be auto, sixel, kitty, iterm2 or blocks")
    }
  }

  func run() throws {
    let shown = try DisplayFrame(path: file, frame: frame, windowing: windowing)
    let environment = ProcessInfo.processInfo.environment
    let capabilities = CapabilityProbe.runOnControllingTerminal(environment: environment)
    let choice = ProtocolChoice.choose(
      capabilities, override: GraphicsProtocol(rawValue: `protocol`))
    let graphics = choice.graphicsProtocol
    let screen =
      capabilities.windowSize.flatMap { $0.rows > 0 && $0.columns > 0 ? $0 : nil }
      ?? WindowSize(rows: 24, columns: 80, pixelWidth: 0, pixelHeight: 0)
    // Leave the last row for the prompt: an image must never reach it.
    let fit = ImageFitting.fit(
      width: shown.image.width, height: shown.image.height,
      heightOverWidth: shown.aspect.heightOverWidth,
      columns: min(cols ?? screen.columns, screen.columns), rows: max(screen.rows - 1, 1),
      cell: capabilities.cellSize, protocol: graphics,
      maxPixels: graphics == .sixel ? capabilities.maximumSixelGeometry : nil)
    var grayLevels = levels
    if let registers = capabilities.colorRegisters, graphics == .sixel {
      grayLevels = min(grayLevels, max(registers, 2))
    }
    let options = TerminalImageEncoder.Options(
      grayLevels: grayLevels, colorRegisters: min(capabilities.colorRegisters ?? 256, 256),
      blockColors: BlockColorMode.choose(capabilities))
    if verbose {
      let cell = capabilities.cellSize
      let detail: String
      switch (graphics, shown.image) {
      case (.sixel, .gray): detail = "\(grayLevels) gray levels"
      case (.sixel, .color): detail = "color through libsixel's quantizer"
      case (.blocks, _): detail = "\(options.blockColors.rawValue) half-blocks"
      default: detail = "256 levels per channel (PNG)"
      }
      let report = """
        annotty: probe \(capabilities.probeOutcome); cell \(cell.width)x\(cell.height) px \
        (\(capabilities.cellSizeSource.rawValue)); sixel \(capabilities.supportsSixel), \
        registers \(capabilities.colorRegisters.map(String.init) ?? "unknown"), \
        kitty \(capabilities.supportsKittyGraphics), tmux \(capabilities.insideTmux)
        annotty: \(graphics.rawValue): \(choice.reason); \(fit.pixelWidth)x\(fit.pixelHeight) px \
        in \(fit.columns)x\(fit.rows) cells, \(detail)

        """
      FileHandle.standardError.write(Data(report.utf8))
    }
    let bytes: [UInt8]
    do {
      bytes = try TerminalImageEncoder.inline(
        shown.image, as: graphics, fit: fit, options: options)
    } catch {
      throw InputError(path: file, message: error.description)
    }
    FileHandle.standardOutput.write(Data(bytes))
  }
}
