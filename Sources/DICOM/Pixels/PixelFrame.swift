/// A decoded frame with the dtype pydicom's `pixel_array` would give it.
public struct PixelFrame: Sendable, Equatable {
  /// Typed sample storage; interleaved when there are several samples per pixel.
  public enum Samples: Sendable, Equatable {
    case uint8([UInt8])
    case int8([Int8])
    case uint16([UInt16])
    case int16([Int16])
    case uint32([UInt32])
    case int32([Int32])
    case float32([Float])
    case float64([Double])

    /// Bytes one sample takes in storage.
    public var bytesPerSample: Int {
      switch self {
      case .uint8, .int8: 1
      case .uint16, .int16: 2
      case .uint32, .int32, .float32: 4
      case .float64: 8
      }
    }

    /// The samples as little-endian bytes (floats by their IEEE bit patterns).
    public var littleEndianBytes: [UInt8] {
      switch self {
      case .uint8(let values): values
      case .int8(let values): values.map { UInt8(bitPattern: $0) }
      case .uint16(let values): LittleEndianBytes.of(values)
      case .int16(let values): LittleEndianBytes.of(values)
      case .uint32(let values): LittleEndianBytes.of(values)
      case .int32(let values): LittleEndianBytes.of(values)
      case .float32(let values): LittleEndianBytes.of(values.map(\.bitPattern))
      case .float64(let values): LittleEndianBytes.of(values.map(\.bitPattern))
      }
    }
  }

  public var rows: Int
  public var columns: Int
  public var samplesPerPixel: Int
  /// The photometric interpretation of `samples` (after any color conversion done while decoding).
  public var photometricInterpretation: String
  public var samples: Samples

  public init(
    rows: Int, columns: Int, samplesPerPixel: Int, photometricInterpretation: String,
    samples: Samples
  ) {
    self.rows = rows
    self.columns = columns
    self.samplesPerPixel = samplesPerPixel
    self.photometricInterpretation = photometricInterpretation
    self.samples = samples
  }

  public var pixelCount: Int { rows * columns }

  /// Every sample widened to Double, in storage order.
  public func doubleSamples() -> [Double] {
    switch samples {
    case .uint8(let v): v.map(Double.init)
    case .int8(let v): v.map(Double.init)
    case .uint16(let v): v.map(Double.init)
    case .int16(let v): v.map(Double.init)
    case .uint32(let v): v.map(Double.init)
    case .int32(let v): v.map(Double.init)
    case .float32(let v): v.map(Double.init)
    case .float64(let v): v
    }
  }
}
