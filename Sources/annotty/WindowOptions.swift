import ArgumentParser
import Imaging

/// `--window C,W` or `--preset NAME`, shared by the commands that display a frame.
struct WindowOptions: ParsableArguments {
  @Option(help: "Window as CENTER,WIDTH in modality units (HU for CT).") var window: String?
  @Option(help: "A named CT window preset, such as brain or lung.") var preset: String?

  func validate() throws {
    guard window == nil || preset == nil else {
      throw ValidationError("give --window or --preset, not both")
    }
    if let window { _ = try Self.parseWindow(window) }
    if let preset, WindowPreset.ct(named: preset) == nil {
      throw ValidationError(
        "unknown preset '\(preset)'; known: \(WindowPreset.ct.map(\.name).joined(separator: ", "))")
    }
  }

  /// The window the user asked for, or nil for the file's own choice.
  func selection() throws -> VOISelection? {
    if let window { return .window(try Self.parseWindow(window)) }
    if let preset, let named = WindowPreset.ct(named: preset) { return .window(named.window) }
    return nil
  }

  static let discussion = """
    Without --window or --preset the file's first window is used, else its VOI LUT, else an
    automatic window that ignores pixel padding. Negative centers need '=': --window=-600,1500.
    Presets: \(WindowPreset.ct.map { "\($0.name) \(Int($0.width))/\(Int($0.level))" }.joined(separator: ", ")).
    """

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
}
