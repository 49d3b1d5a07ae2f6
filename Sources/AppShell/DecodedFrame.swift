import AppCore
import DICOM
import Imaging

/// A frame decoded once and kept: its samples and what the file says about displaying them.
struct DecodedFrame: Sendable {
  var pixels: PixelFrame
  var modality: ModalityLUT
  var padding: PixelPadding?
  /// MONOCHROME1 (or Presentation LUT Shape INVERSE).
  var invertsByDefault: Bool
  /// The file's window pairs; the auto window when it gives none.
  var windows: [WindowLevel]
  /// What each of the file's own choices really is (a SIGMOID window, a VOI LUT), so choosing
  /// it renders exactly as the file says rather than as a LINEAR window.
  var fileVOI: [FileVOI] = []
  var automatic: WindowLevel?
  /// The RGB image of a color or palette frame, which no window changes.
  var color: RGBImage?
  var slicePosition: Double?
  /// `HU` for CT, else empty.
  var unit: String
  /// How much taller than wide a pixel is (Pixel Spacing rows / columns).
  var pixelAspect: Double = 1

  var facts: FrameFacts {
    FrameFacts(windows: windows, automatic: automatic, slicePosition: slicePosition)
  }

  var size: (columns: Int, rows: Int) { (pixels.columns, pixels.rows) }

  /// The gray image for `window` (nil while unknown), inverted when `invert` differs from the
  /// file's own inversion; the color image for color frames.
  func render(window: WindowLevel?, invert: Bool) throws -> DisplayImage? {
    if let color {
      return .color(invert ? RGBImage(inverting: color) : color)
    }
    guard let level = window, let linear = level.window else { return nil }
    let voi = fileVOI.first { $0.level == level }?.selection ?? .window(linear)
    let renderer = Renderer(
      modality: modality, voi: voi, invert: invertsByDefault != invert, padding: padding)
    return .gray(try renderer.render(pixels))
  }

  /// The modality value (HU for CT) of the pixel at column `x`, row `y`.
  func value(x: Int, y: Int) -> SampledValue? {
    guard color == nil, pixels.samplesPerPixel == 1, x >= 0, y >= 0, x < pixels.columns,
      y < pixels.rows
    else { return nil }
    let index = y * pixels.columns + x
    let stored: Double
    switch pixels.samples {
    case .uint8(let v): stored = Double(v[index])
    case .int8(let v): stored = Double(v[index])
    case .uint16(let v): stored = Double(v[index])
    case .int16(let v): stored = Double(v[index])
    case .uint32(let v): stored = Double(v[index])
    case .int32(let v): stored = Double(v[index])
    case .float32(let v): stored = Double(v[index])
    case .float64(let v): stored = v[index]
    }
    return SampledValue(value: modality.output(forStored: stored), unit: unit)
  }
}

/// One of the file's VOI choices and the window pair the screen shows for it.
struct FileVOI: Sendable {
  var level: WindowLevel
  var selection: VOISelection
}

extension RGBImage {
  /// Every channel turned over (255 - value).
  init(inverting image: RGBImage) {
    self.init(width: image.width, height: image.height, pixels: image.pixels.map { 255 - $0 })
  }
}
