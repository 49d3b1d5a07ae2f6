/// The decoder's drawing surface: a register per pixel that grows, within limits, as sixels land
/// beyond it.
struct SixelCanvas {
  static let unpainted: UInt16 = .max

  private(set) var cells: [UInt16] = []
  /// Allocated size; at least the extent.
  private(set) var stride = 0
  private(set) var rowsAllocated = 0
  /// Size the picture has so far: raster attributes or painted pixels, whichever is larger.
  private(set) var width = 0
  private(set) var height = 0

  let limits: SixelDecoder.Limits

  init(limits: SixelDecoder.Limits) {
    self.limits = limits
  }

  /// Grows the picture to at least `width` x `height`; fails when that breaks the limits.
  mutating func extend(width: Int, height: Int, at offset: Int) throws(SixelDecodingError) {
    let needWidth = Swift.max(width, self.width)
    let needHeight = Swift.max(height, self.height)
    let area = needWidth.multipliedReportingOverflow(by: needHeight)
    guard needWidth <= limits.maxWidth, needHeight <= limits.maxHeight, !area.overflow,
      area.partialValue <= limits.maxPixels
    else {
      throw SixelDecodingError(.imageTooLarge(width: needWidth, height: needHeight), at: offset)
    }
    if needWidth > stride || needHeight > rowsAllocated {
      reallocate(width: needWidth, height: needHeight)
    }
    self.width = needWidth
    self.height = needHeight
  }

  /// Paints `bits` (bit 0 at row `top`) in `count` columns from `left` with `register`.
  mutating func paint(
    bits: UInt8, left: Int, top: Int, count: Int, register: UInt16, at offset: Int
  ) throws(SixelDecodingError) {
    guard bits != 0, count > 0 else { return }
    let lowest = 8 - bits.leadingZeroBitCount
    try extend(width: left + count, height: top + lowest, at: offset)
    let stride = stride
    cells.withUnsafeMutableBufferPointer { cells in
      for row in 0..<lowest where bits & (1 << row) != 0 {
        let start = (top + row) * stride + left
        for pixel in start..<(start + count) { cells[pixel] = register }
      }
    }
  }

  /// Doubles the allocation when growing, so a picture painted column by column costs linear time;
  /// falls back to the exact size when doubling would pass the limits.
  private mutating func reallocate(width: Int, height: Int) {
    var newStride =
      width > stride ? Swift.max(width, Swift.min(stride * 2, limits.maxWidth)) : stride
    var newRows =
      height > rowsAllocated
      ? Swift.max(height, Swift.min(rowsAllocated * 2, limits.maxHeight)) : rowsAllocated
    let area = newStride.multipliedReportingOverflow(by: newRows)
    if area.overflow || area.partialValue > limits.maxPixels {
      // The caller checked that the exact size fits; painted cells all lie inside it.
      newStride = width
      newRows = height
    }
    var grown = [UInt16](repeating: SixelCanvas.unpainted, count: newStride * newRows)
    for row in 0..<Swift.min(rowsAllocated, newRows) {
      for column in 0..<Swift.min(stride, newStride) {
        grown[row * newStride + column] = cells[row * stride + column]
      }
    }
    cells = grown
    stride = newStride
    rowsAllocated = newRows
  }
}
