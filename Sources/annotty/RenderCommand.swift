import ArgumentParser
import DICOM
import Imaging
import TerminalGraphics

/// `annotty render`: one frame windowed for display, written as PGM/PPM, PNG or sixel.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render a frame for display (windowed) to a PGM, PPM, PNG or sixel file.",
    discussion: WindowOptions.discussion
      + "\nA .six file holds the sixel exactly as `annotty show --protocol sixel` sends it.")

  @Argument(help: "A DICOM file.") var file: String
  @Option(help: "Frame number, starting at 1.") var frame = 1
  @OptionGroup var windowing: WindowOptions
  @Option(help: "Gray levels of a .six file (2...101).") var levels = 101
  @Option(help: "Output file: .png, .pgm (gray), .ppm (color) or .six (sixel).") var out: String

  func validate() throws {
    guard frame >= 1 else { throw ValidationError("--frame starts at 1") }
    guard (2...101).contains(levels) else { throw ValidationError("--levels must be 2...101") }
    guard [".png", ".pgm", ".ppm", ".six"].contains(where: { out.lowercased().hasSuffix($0) })
    else {
      throw ValidationError("--out must end in .png, .pgm, .ppm or .six")
    }
  }

  func run() throws {
    let image = try DisplayFrame(path: file, frame: frame, windowing: windowing).image
    let lower = out.lowercased()
    if lower.hasSuffix(".six") {
      try writeOutput(try GraphicEncoding.sixel(image, levels: levels, path: out), to: out)
      return
    }
    do {
      switch image {
      case .gray(let gray):
        if lower.hasSuffix(".ppm") {
          throw InputError(path: out, message: "a gray image is written as .pgm or .png")
        }
        try writeOutput(
          lower.hasSuffix(".png") ? PNGEncoder.encode(gray) : NetpbmEncoder.pgm(gray), to: out)
      case .color(let color):
        if lower.hasSuffix(".pgm") {
          throw InputError(path: out, message: "a color image is written as .ppm or .png")
        }
        try writeOutput(
          lower.hasSuffix(".png") ? PNGEncoder.encode(color) : NetpbmEncoder.ppm(color), to: out)
      }
    } catch let error as ImageEncodingError {
      throw InputError(path: out, message: "cannot encode the image: \(error)")
    }
  }
}
