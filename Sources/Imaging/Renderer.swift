import DICOM

/// Turns a monochrome frame into display bytes: Modality LUT, then window or VOI LUT, then the
/// MONOCHROME1 inversion, rounded half up to 0...255.
///
/// Integer frames whose stored values span at most 65536 values (every 8- and 16-bit frame) go
/// through a table built once per call from stored value to byte, so the per-pixel cost is one
/// load; other frames are computed pixel by pixel.
public struct Renderer: Sendable, Equatable {
  public var modality: ModalityLUT
  public var voi: VOISelection
  /// True for MONOCHROME1 (and for Presentation LUT Shape INVERSE on MONOCHROME2).
  public var invert: Bool
  /// Stored values rendered as background (black) and left out of the auto window.
  public var padding: PixelPadding?

  /// A pipeline with no rescale, the auto window, no inversion and no padding unless given.
  public init(
    modality: ModalityLUT = .identity, voi: VOISelection = .auto, invert: Bool = false,
    padding: PixelPadding? = nil
  ) {
    self.modality = modality
    self.voi = voi
    self.invert = invert
    self.padding = padding
  }

  /// Whether a frame's photometric interpretation and Presentation LUT Shape (2050,0020) call for
  /// inversion: MONOCHROME1 or INVERSE inverts once. The DX Image Module pairs INVERSE with
  /// MONOCHROME1, where both describe the same single inversion.
  public static func inverts(photometricInterpretation: String, presentationLUTShape: String? = nil)
    -> Bool
  {
    let isMonochrome1 = photometricInterpretation.trimmingPadding().uppercased() == "MONOCHROME1"
    let isInverse = presentationLUTShape?.trimmingPadding().uppercased() == "INVERSE"
    return isMonochrome1 || isInverse
  }

  /// The window this renderer applies to `frame`: the chosen one, or the auto window (nil when
  /// a VOI LUT is chosen or the frame holds only padding and NaN).
  public func effectiveWindow(for frame: PixelFrame) -> Window? {
    switch voi {
    case .window(let window): window
    case .lut: nil
    case .auto: AutoWindow.window(for: frame, modality: modality, padding: padding)
    }
  }

  /// Renders a single-sample frame to an 8-bit gray image of the same size.
  public func render(_ frame: PixelFrame) throws(ImagingError) -> GrayImage {
    try frame.checkShape(samplesPerPixel: 1)
    let mapping = displayMapping(for: frame)
    let pixels: [UInt8] =
      switch frame.samples {
      case .uint8(let v): Self.mapIntegers(v, mapping)
      case .int8(let v): Self.mapIntegers(v, mapping)
      case .uint16(let v): Self.mapIntegers(v, mapping)
      case .int16(let v): Self.mapIntegers(v, mapping)
      case .uint32(let v): Self.mapIntegers(v, mapping)
      case .int32(let v): Self.mapIntegers(v, mapping)
      case .float32(let v): v.map { mapping.byte(forStored: Double($0)) }
      case .float64(let v): v.map { mapping.byte(forStored: $0) }
      }
    return GrayImage(width: frame.columns, height: frame.rows, pixels: pixels)
  }

  private func displayMapping(for frame: PixelFrame) -> DisplayMapping {
    let stage: DisplayMapping.Stage
    switch voi {
    case .window(let window): stage = .window(window)
    case .lut(let lut): stage = .lut(lut)
    case .auto:
      if let window = AutoWindow.window(for: frame, modality: modality, padding: padding) {
        stage = .window(window)
      } else {
        stage = .blank
      }
    }
    return DisplayMapping(modality: modality, stage: stage, invert: invert, padding: padding)
  }

  /// The largest stored-value span mapped through a table rather than pixel by pixel.
  private static let largestTableSpan = 1 << 16

  private static func mapIntegers<T: FixedWidthInteger>(
    _ samples: [T], _ mapping: DisplayMapping
  ) -> [UInt8] {
    guard let stored = StoredRange(samples) else { return [] }
    let span = stored.upperBound - stored.lowerBound + 1
    guard span <= max(largestTableSpan, samples.count) else {
      return samples.map { mapping.byte(forStored: Int($0)) }
    }
    let low = stored.lowerBound
    let table = (0..<span).map { mapping.byte(forStored: low + $0) }
    return [UInt8](unsafeUninitializedCapacity: samples.count) { output, initialized in
      table.withUnsafeBufferPointer { table in
        samples.withUnsafeBufferPointer { input in
          // Every sample lies in low...low + span - 1 (StoredRange saw them all), so the
          // table index is always in bounds.
          for index in input.indices {
            output[index] = table[Int(input[index]) &- low]
          }
        }
      }
      initialized = samples.count
    }
  }
}
