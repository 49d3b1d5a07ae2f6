import ArgumentParser
import DICOM
import Imaging

/// `annotty render`: one frame windowed for display, written as PGM/PPM or PNG.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render a frame for display (windowed) to a PGM, PPM or PNG file.",
    discussion: """
      Without --window or --preset the file's first window is used, else its VOI LUT, else an
      automatic window that ignores pixel padding. Negative centers need '=': --window=-600,1500.
      Presets: \(WindowPreset.ct.map { "\($0.name) \(Int($0.width))/\(Int($0.level))" }.joined(separator: ", ")).
      """)

  @Argument(help: "A DICOM file.") var file: String
  @Option(help: "Frame number, starting at 1.") var frame = 1
  @Option(help: "Window as CENTER,WIDTH in modality units (HU for CT).") var window: String?
  @Option(help: "A named CT window preset, such as brain or lung.") var preset: String?
  @Option(help: "Output file: .png, .pgm (gray) or .ppm (color).") var out: String

  func validate() throws {
    guard frame >= 1 else { throw ValidationError("--frame starts at 1") }
    guard window == nil || preset == nil else {
      throw ValidationError("give --window or --preset, not both")
    }
    if let window { _ = try Self.parseWindow(window) }
    if let preset, WindowPreset.ct(named: preset) == nil {
      throw ValidationError(
        "unknown preset '\(preset)'; known: \(WindowPreset.ct.map(\.name).joined(separator: ", "))")
    }
    guard [".png", ".pgm", ".ppm"].contains(where: { out.lowercased().hasSuffix($0) }) else {
      throw ValidationError("--out must end in .png, .pgm or .ppm")
    }
  }

  static func parseWindow(_ text: String) throws -> Window {
    let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let center = parts[0], let width = parts[1] else {
      throw ValidationError("--window takes CENTER,WIDTH, for example 40,400")
    }
    do {
      return try Window(center: center, width: width)
    } catch {
      throw ValidationError("--window \(text): \(error)")
    }
  }

  func run() throws {
    let parsed = try readDICOMFile(file)
    let decoded = try decodeFrame(parsed, number: frame, path: file)
    let image = try renderedImage(parsed, frame: decoded)
    let lower = out.lowercased()
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

  enum RenderedImage {
    case gray(GrayImage)
    case color(RGBImage)
  }

  private func renderedImage(_ parsed: DICOMFile, frame decoded: PixelFrame) throws
    -> RenderedImage
  {
    try reportingInputErrors(in: file) {
      let pixels = try parsed.pixelDescription()
      let settings = try DisplaySettings(
        dataSet: parsed.dataSet, pixels: pixels, frameIndex: frame - 1)
      if let palette = settings.palette, decoded.samplesPerPixel == 1 {
        return .color(try palette.render(decoded))
      }
      if decoded.samplesPerPixel > 1 {
        return .color(try ColorRenderer.render(decoded, bitsStored: pixels.bitsStored))
      }
      var choice: VOISelection?
      if let window { choice = .window(try Self.parseWindow(window)) }
      if let preset, let named = WindowPreset.ct(named: preset) { choice = .window(named.window) }
      return .gray(try settings.renderer(voi: choice).render(decoded))
    }
  }
}
