/// Resizes display images with a separable triangle filter that widens when shrinking, so a
/// 512-pixel slice shown in 200 pixels averages its neighbours instead of skipping rows.
public enum Resampler {
  /// `image` resized to `width` x `height`; the same image when the size already matches.
  public static func resize(_ image: GrayImage, width: Int, height: Int) -> GrayImage {
    guard image.isConsistent, width != image.width || height != image.height else { return image }
    let pixels = resize(
      image.pixels, channels: 1, from: (image.width, image.height), to: (width, height))
    return GrayImage(width: max(width, 0), height: max(height, 0), pixels: pixels)
  }

  /// `image` resized to `width` x `height`; the same image when the size already matches.
  public static func resize(_ image: RGBImage, width: Int, height: Int) -> RGBImage {
    guard image.isConsistent, width != image.width || height != image.height else { return image }
    let pixels = resize(
      image.pixels, channels: 3, from: (image.width, image.height), to: (width, height))
    return RGBImage(width: max(width, 0), height: max(height, 0), pixels: pixels)
  }

  private static func resize(
    _ source: [UInt8], channels: Int, from: (width: Int, height: Int), to: (width: Int, height: Int)
  ) -> [UInt8] {
    guard to.width > 0, to.height > 0 else { return [] }
    guard from.width > 0, from.height > 0 else {
      return [UInt8](repeating: 0, count: to.width * to.height * channels)
    }
    let columns = FilterTaps(sourceLength: from.width, targetLength: to.width)
    let rows = FilterTaps(sourceLength: from.height, targetLength: to.height)
    // Horizontal pass into fixed point, then vertical pass back to bytes.
    var wide = [Int32](repeating: 0, count: from.height * to.width * channels)
    source.withUnsafeBufferPointer { input in
      wide.withUnsafeMutableBufferPointer { output in
        for y in 0..<from.height {
          let inRow = y * from.width * channels
          let outRow = y * to.width * channels
          for x in 0..<to.width {
            let span = columns.spans[x]
            for c in 0..<channels {
              var sum: Int32 = 0
              for k in 0..<span.count {
                sum +=
                  Int32(input[inRow + (span.first + k) * channels + c])
                  * columns.weights[span.weightStart + k]
              }
              output[outRow + x * channels + c] = sum
            }
          }
        }
      }
    }
    var result = [UInt8](repeating: 0, count: to.width * to.height * channels)
    let rowLength = to.width * channels
    let rounding = Int64(1) << (2 * FilterTaps.precisionBits - 1)
    wide.withUnsafeBufferPointer { input in
      result.withUnsafeMutableBufferPointer { output in
        for y in 0..<to.height {
          let span = rows.spans[y]
          for i in 0..<rowLength {
            var sum: Int64 = 0
            for k in 0..<span.count {
              sum +=
                Int64(input[(span.first + k) * rowLength + i])
                * Int64(rows.weights[span.weightStart + k])
            }
            let value = (sum + rounding) >> (2 * FilterTaps.precisionBits)
            output[y * rowLength + i] = UInt8(clamping: value)
          }
        }
      }
    }
    return result
  }
}

/// Per-output-sample source ranges and fixed-point weights of a triangle filter along one axis.
struct FilterTaps {
  static let precisionBits = 14

  struct Span {
    var first: Int
    var count: Int
    var weightStart: Int
  }

  var spans: [Span] = []
  var weights: [Int32] = []

  init(sourceLength: Int, targetLength: Int) {
    let scale = Double(sourceLength) / Double(targetLength)
    let support = max(scale, 1)
    let one = Double(1 << Self.precisionBits)
    spans.reserveCapacity(targetLength)
    for target in 0..<targetLength {
      let center = (Double(target) + 0.5) * scale
      let first = max(Int((center - support).rounded(.down)), 0)
      let last = min(Int((center + support).rounded(.up)), sourceLength - 1)
      var raw: [Double] = []
      for source in first...max(first, last) {
        let distance = abs(Double(source) + 0.5 - center) / support
        raw.append(max(0, 1 - distance))
      }
      var total = raw.reduce(0, +)
      if total <= 0 {
        raw = raw.map { _ in 1 }
        total = Double(raw.count)
      }
      // Fixed-point weights that sum to exactly one, so flat areas stay flat.
      var fixed = raw.map { Int32(($0 / total * one).rounded()) }
      let error = Int32(one) - fixed.reduce(0, +)
      if let peak = fixed.indices.max(by: { fixed[$0] < fixed[$1] }) { fixed[peak] += error }
      spans.append(Span(first: first, count: fixed.count, weightStart: weights.count))
      weights.append(contentsOf: fixed)
    }
  }
}
