/// Color conversions applied while reading pixels, matching pydicom's `convert_color_space`.
enum ColorSpace {
  /// YBR_FULL to RGB per PS3.3 C.7.6.3.1.2, in Float32 and rounded with floor(x + 0.5) as pydicom.
  static func ybrFullToRGB<Sample: FixedWidthInteger>(_ samples: inout [Sample]) {
    let cbToGreen = Float(-0.114 * 1.772 / 0.587)
    let crToGreen = Float(-0.299 * 1.402 / 0.587)
    let crToRed: Float = 1.402
    let cbToBlue: Float = 1.772
    var index = 0
    while index + 2 < samples.count {
      let y = Float(samples[index])
      let cb = Float(samples[index + 1]) - 128
      let cr = Float(samples[index + 2]) - 128
      samples[index] = clampRound(y + cr * crToRed)
      samples[index + 1] = clampRound(y + cb * cbToGreen + cr * crToGreen)
      samples[index + 2] = clampRound(y + cb * cbToBlue)
      index += 3
    }
  }

  private static func clampRound<Sample: FixedWidthInteger>(_ value: Float) -> Sample {
    Sample(min(max((value + 0.5).rounded(.down), 0), 255))
  }

  /// Expands YBR_FULL_422 (Y1 Y2 Cb Cr per pixel pair) to YBR_FULL, one Cb Cr per pixel.
  static func expand422<Sample>(_ samples: [Sample], pixelCount: Int) -> [Sample] {
    guard let first = samples.first else { return [] }
    var output = [Sample](repeating: first, count: pixelCount * 3)
    var source = 0
    var target = 0
    while source + 3 < samples.count && target + 5 < output.count {
      let cb = samples[source + 2]
      let cr = samples[source + 3]
      output[target] = samples[source]
      output[target + 1] = cb
      output[target + 2] = cr
      output[target + 3] = samples[source + 1]
      output[target + 4] = cb
      output[target + 5] = cr
      source += 4
      target += 6
    }
    return output
  }
}
