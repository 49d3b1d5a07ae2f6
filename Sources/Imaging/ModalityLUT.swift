import DICOM

/// The Modality LUT stage (PS3.3 C.11.1): stored values to modality units such as HU.
public enum ModalityLUT: Sendable, Equatable {
  /// No Rescale and no Modality LUT Sequence: output equals the stored value.
  case identity
  /// Rescale Slope (0028,1053) and Rescale Intercept (0028,1052).
  case rescale(slope: Double, intercept: Double)
  /// The first item of the Modality LUT Sequence (0028,3000).
  case table(LookupTable)

  /// The modality value for one stored value.
  public func output(forStored stored: Double) -> Double {
    switch self {
    case .identity: stored
    case .rescale(let slope, let intercept): stored * slope + intercept
    case .table(let table): Double(table.entry(for: stored))
    }
  }

  /// The modality value for one integer stored value.
  public func output(forStored stored: Int) -> Double {
    switch self {
    case .identity: Double(stored)
    case .rescale(let slope, let intercept): Double(stored) * slope + intercept
    case .table(let table): Double(table.entry(for: stored))
    }
  }

  /// Every sample of `frame` through this stage, in storage order, as float64 (like pydicom's
  /// `apply_modality_lut`, whose LUT output is also exact in float64).
  public func apply(to frame: PixelFrame) -> [Double] {
    switch frame.samples {
    case .uint8(let v): v.map { output(forStored: Int($0)) }
    case .int8(let v): v.map { output(forStored: Int($0)) }
    case .uint16(let v): v.map { output(forStored: Int($0)) }
    case .int16(let v): v.map { output(forStored: Int($0)) }
    case .uint32(let v): v.map { output(forStored: Int($0)) }
    case .int32(let v): v.map { output(forStored: Int($0)) }
    case .float32(let v): v.map { output(forStored: Double($0)) }
    case .float64(let v): v.map { output(forStored: $0) }
    }
  }

  /// Whether larger stored values never give smaller outputs, so a stored range maps to its ends.
  var isMonotonic: Bool {
    switch self {
    case .identity: true
    case .rescale: true
    case .table: false
    }
  }
}
