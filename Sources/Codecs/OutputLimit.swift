import DICOM

/// Sizes a codec may produce for a frame, and the check that it produced what the data set says.
enum OutputLimit {
  /// Bytes a frame may decode to: its described size at up to 4 bytes per sample.
  ///
  /// Handed to the libraries so a corrupt header claiming a huge image fails before allocating.
  static func bytes(for description: FrameDescription, codecName: String) throws(CodecError)
    -> Int
  {
    let factors = [description.rows, description.columns, description.samplesPerPixel, 4]
    guard factors.allSatisfy({ $0 > 0 }) else {
      throw CodecError(
        "\(codecName): the data set describes an empty frame "
          + "(\(description.rows) rows, \(description.columns) columns, "
          + "\(description.samplesPerPixel) samples per pixel)")
    }
    var total = 1
    for factor in factors {
      let (product, overflow) = total.multipliedReportingOverflow(by: factor)
      guard !overflow, product <= 1 << 34 else {
        throw CodecError(
          "\(codecName): a frame of \(description.rows)x\(description.columns) "
            + "is too large to decode")
      }
      total = product
    }
    return total
  }

  /// Throws when the decoded geometry disagrees with the data set or the byte count is wrong.
  static func check(
    _ samples: DecodedSamples, against description: FrameDescription, codecName: String
  ) throws(CodecError) {
    guard samples.rows == description.rows, samples.columns == description.columns,
      samples.samplesPerPixel == description.samplesPerPixel
    else {
      throw CodecError(
        "\(codecName): the stream holds \(samples.columns)x\(samples.rows) pixels with "
          + "\(samples.samplesPerPixel) samples each, but the data set says "
          + "\(description.columns)x\(description.rows) with \(description.samplesPerPixel)")
    }
    let expected =
      samples.rows * samples.columns * samples.samplesPerPixel * samples.bytesPerSample
    guard samples.bytes.count == expected else {
      throw CodecError(
        "\(codecName): decoded \(samples.bytes.count) bytes, expected \(expected)")
    }
  }
}
