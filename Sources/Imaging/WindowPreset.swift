/// A named window in HU, such as brain 80/40 (width 80, level 40).
public struct WindowPreset: Sendable, Equatable {
  public let name: String
  public let width: Double
  public let level: Double

  /// The preset as a LINEAR window.
  public var window: Window {
    // Every width in the table below is >= 1, which LINEAR accepts.
    Window(checkedCenter: level, width: width, function: .linear)
  }

  /// The default CT presets in key order: `w1` is brain, ..., `w9` is angio (DESIGN.md section 8).
  public static let ct: [WindowPreset] = [
    WindowPreset(name: "brain", width: 80, level: 40),
    WindowPreset(name: "subdural", width: 200, level: 75),
    WindowPreset(name: "stroke", width: 40, level: 40),
    WindowPreset(name: "bone", width: 1800, level: 400),
    WindowPreset(name: "lung", width: 1500, level: -600),
    WindowPreset(name: "mediastinum", width: 350, level: 50),
    WindowPreset(name: "abdomen", width: 400, level: 50),
    WindowPreset(name: "liver", width: 150, level: 30),
    WindowPreset(name: "angio", width: 600, level: 170),
  ]

  /// The CT preset with this name, ignoring case and surrounding spaces.
  public static func ct(named name: String) -> WindowPreset? {
    let wanted = name.trimmingPadding().lowercased()
    return ct.first { $0.name == wanted }
  }

  /// The CT preset behind key `number` (1...9); nil for any other number.
  public static func ct(number: Int) -> WindowPreset? {
    guard (1...ct.count).contains(number) else { return nil }
    return ct[number - 1]
  }
}
