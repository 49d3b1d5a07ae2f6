import Imaging

/// A window center and width in modality units (HU for CT), as plain numbers.
public struct WindowLevel: Sendable, Hashable {
  public var center: Double
  public var width: Double

  public init(center: Double, width: Double) {
    self.center = center
    self.width = width
  }

  /// The LINEAR window to render with; nil when the width is below 1.
  public var window: Window? { try? Window(center: center, width: width) }
}

/// Which window is shown and where it came from, plus the file's own pairs to cycle through.
public struct WindowState: Sendable, Equatable {
  /// Nil until the first frame is decoded and no preset was chosen.
  public var current: WindowLevel?
  /// `brain`, `DICOM 1/2`, `auto`, `custom`.
  public var name: String
  /// The window pairs of the current frame's file (Window Center / Width), in file order.
  public var filePairs: [WindowLevel]
  /// The file pair shown, when `current` came from the file.
  public var filePairIndex: Int?
  /// The window spanning the current frame's values, from the shell.
  public var automatic: WindowLevel?
  public var invert: Bool

  public init(
    current: WindowLevel? = nil, name: String = "", filePairs: [WindowLevel] = [],
    filePairIndex: Int? = nil, automatic: WindowLevel? = nil, invert: Bool = false
  ) {
    self.current = current
    self.name = name
    self.filePairs = filePairs
    self.filePairIndex = filePairIndex
    self.automatic = automatic
    self.invert = invert
  }

  /// Shows the file pair at `index`, or the automatic window when the file has none.
  mutating func selectFilePair(_ index: Int) {
    guard !filePairs.isEmpty else {
      selectAutomatic()
      return
    }
    let wrapped = ((index % filePairs.count) + filePairs.count) % filePairs.count
    current = filePairs[wrapped]
    filePairIndex = wrapped
    name = "DICOM \(wrapped + 1)/\(filePairs.count)"
  }

  mutating func selectAutomatic() {
    current = automatic ?? current
    filePairIndex = nil
    name = "auto"
  }

  mutating func select(_ preset: WindowPreset) {
    current = WindowLevel(center: preset.level, width: preset.width)
    filePairIndex = nil
    name = preset.name
  }

  mutating func select(custom window: WindowLevel) {
    current = window
    filePairIndex = nil
    name = "custom"
  }
}
