import DICOM

extension PixelFrame.Samples {
  /// How many samples the storage holds.
  var count: Int {
    switch self {
    case .uint8(let v): v.count
    case .int8(let v): v.count
    case .uint16(let v): v.count
    case .int16(let v): v.count
    case .uint32(let v): v.count
    case .int32(let v): v.count
    case .float32(let v): v.count
    case .float64(let v): v.count
    }
  }
}

extension PixelFrame {
  /// Checks that the frame has `samplesPerPixel` samples per pixel and exactly the samples its
  /// rows and columns call for.
  func checkShape(samplesPerPixel expected: Int) throws(ImagingError) {
    guard samplesPerPixel == expected else {
      throw .unsupportedFrame(
        "\(samplesPerPixel) samples per pixel (\(photometricInterpretation)), expected \(expected)")
    }
    guard rows >= 0, columns >= 0 else {
      throw .unsupportedFrame("negative size \(columns) x \(rows)")
    }
    let area = rows.multipliedReportingOverflow(by: columns)
    let total = area.partialValue.multipliedReportingOverflow(by: expected)
    guard !area.overflow, !total.overflow else {
      throw .unsupportedFrame("size \(columns) x \(rows) x \(expected) overflows")
    }
    guard samples.count == total.partialValue else {
      throw .sampleCountMismatch(expected: total.partialValue, actual: samples.count)
    }
  }
}
