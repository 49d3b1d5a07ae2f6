/// Rounds a display value in 0...255 half up to a byte; NaN becomes 0.
///
/// pydicom's `apply_voi_lut(...).astype(uint8)` truncates instead, which darkens every pixel by
/// up to one level; rounding keeps the window's midpoint on 128.
@inline(__always)
func displayByte(_ value: Double) -> UInt8 {
  guard !value.isNaN else { return 0 }
  let rounded = (value + 0.5).rounded(.down)
  if rounded <= 0 { return 0 }
  if rounded >= 255 { return 255 }
  return UInt8(rounded)
}
