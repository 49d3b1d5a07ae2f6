/// Samples an image into a viewport of display pixels through scales and offsets (zoom, pan and
/// the pixel aspect): `display = image * scale + offset` per axis, bilinear, black where the image
/// does not reach.
///
/// Bilinear weights are 8-bit fixed point and computed once per column and once per row, so the
/// per-pixel cost is four loads and a few integer operations.
public enum ViewportSampler {
  /// `image` seen through the transform in a `width` x `height` viewport.
  public static func sample(
    _ image: GrayImage, width: Int, height: Int, scale: Double, scaleY: Double? = nil,
    offsetX: Double, offsetY: Double
  ) -> GrayImage {
    let plan = Plan(
      sourceWidth: image.isConsistent ? image.width : 0,
      sourceHeight: image.isConsistent ? image.height : 0, width: width, height: height,
      scale: scale, scaleY: scaleY ?? scale, offsetX: offsetX, offsetY: offsetY)
    var output = [UInt8](repeating: 0, count: plan.width * plan.height)
    guard plan.hasOverlap else {
      return GrayImage(width: plan.width, height: plan.height, pixels: output)
    }
    image.pixels.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for y in plan.rows {
          let top = plan.rowTaps[y].first * image.width
          let bottom = plan.rowTaps[y].second * image.width
          let weightY = UInt32(plan.rowTaps[y].weight)
          let rowStart = y * plan.width
          for x in plan.columns {
            let tap = plan.columnTaps[x]
            let weightX = UInt32(tap.weight)
            let upper = blend(
              UInt32(source[top + tap.first]), UInt32(source[top + tap.second]), weightX)
            let lower = blend(
              UInt32(source[bottom + tap.first]), UInt32(source[bottom + tap.second]), weightX)
            target[rowStart + x] = UInt8(
              truncatingIfNeeded: (blend(upper, lower, weightY) + 32_768) >> 16)
          }
        }
      }
    }
    return GrayImage(width: plan.width, height: plan.height, pixels: output)
  }

  /// The same for an RGB image, channel by channel.
  ///
  /// A copy of the gray loop on purpose: one loop over a channel count cost the TUI about 0.3 ms
  /// per key at 880x760, because the gray case no longer compiled to straight loads.
  public static func sample(
    _ image: RGBImage, width: Int, height: Int, scale: Double, scaleY: Double? = nil,
    offsetX: Double, offsetY: Double
  ) -> RGBImage {
    let plan = Plan(
      sourceWidth: image.isConsistent ? image.width : 0,
      sourceHeight: image.isConsistent ? image.height : 0, width: width, height: height,
      scale: scale, scaleY: scaleY ?? scale, offsetX: offsetX, offsetY: offsetY)
    var output = [UInt8](repeating: 0, count: plan.width * plan.height * 3)
    guard plan.hasOverlap else {
      return RGBImage(width: plan.width, height: plan.height, pixels: output)
    }
    image.pixels.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { target in
        for y in plan.rows {
          let top = plan.rowTaps[y].first * image.width
          let bottom = plan.rowTaps[y].second * image.width
          let weightY = UInt32(plan.rowTaps[y].weight)
          for x in plan.columns {
            let tap = plan.columnTaps[x]
            let weightX = UInt32(tap.weight)
            for channel in 0..<3 {
              func at(_ index: Int) -> UInt32 { UInt32(source[index * 3 + channel]) }
              let upper = blend(at(top + tap.first), at(top + tap.second), weightX)
              let lower = blend(at(bottom + tap.first), at(bottom + tap.second), weightX)
              target[(y * plan.width + x) * 3 + channel] = UInt8(
                truncatingIfNeeded: (blend(upper, lower, weightY) + 32_768) >> 16)
            }
          }
        }
      }
    }
    return RGBImage(width: plan.width, height: plan.height, pixels: output)
  }

  /// `a` to `b` by `weight`/256; the result carries 8 more bits than the inputs.
  @inline(__always)
  private static func blend(_ a: UInt32, _ b: UInt32, _ weight: UInt32) -> UInt32 {
    a * (256 - weight) + b * weight
  }
}

/// The two source pixels a display pixel blends along one axis, and the second one's weight.
private struct Tap {
  var first: Int
  var second: Int
  /// 0...256 (fixed point).
  var weight: Int
}

/// Where each display row and column reads from, and which of them the image covers.
private struct Plan {
  let width: Int
  let height: Int
  var columnTaps: [Tap] = []
  var rowTaps: [Tap] = []
  /// Display columns and rows whose pixel centre lies on the image.
  var columns: Range<Int> = 0..<0
  var rows: Range<Int> = 0..<0

  var hasOverlap: Bool { !columns.isEmpty && !rows.isEmpty }

  init(
    sourceWidth: Int, sourceHeight: Int, width: Int, height: Int, scale: Double, scaleY: Double,
    offsetX: Double, offsetY: Double
  ) {
    // Guard against absurd viewports and transforms: nothing is drawn rather than trapping.
    self.width = min(max(0, width), 1 << 14)
    self.height = min(max(0, height), 1 << 14)
    guard sourceWidth > 0, sourceHeight > 0, scale.isFinite, scale > 0, scaleY.isFinite,
      scaleY > 0, offsetX.isFinite, offsetY.isFinite
    else { return }
    (columnTaps, columns) = Self.taps(
      count: self.width, source: sourceWidth, scale: scale, offset: offsetX)
    (rowTaps, rows) = Self.taps(
      count: self.height, source: sourceHeight, scale: scaleY, offset: offsetY)
  }

  /// Taps for `count` display positions, and the range of those that fall on the source.
  private static func taps(count: Int, source: Int, scale: Double, offset: Double)
    -> ([Tap], Range<Int>)
  {
    var taps = [Tap](repeating: Tap(first: 0, second: 0, weight: 0), count: count)
    var first = count
    var last = -1
    for index in 0..<count {
      // The display pixel's centre in source coordinates, where pixel centres sit at i + 0.5.
      let position = (Double(index) + 0.5 - offset) / scale
      guard position >= 0, position < Double(source) else { continue }
      first = min(first, index)
      last = max(last, index)
      let centred = min(max(position - 0.5, 0), Double(source - 1))
      let low = Int(centred)
      let high = min(low + 1, source - 1)
      let weight = Int(((centred - Double(low)) * 256).rounded())
      taps[index] = Tap(first: low, second: high, weight: min(weight, 256))
    }
    return (taps, first <= last ? first..<(last + 1) : 0..<0)
  }
}
