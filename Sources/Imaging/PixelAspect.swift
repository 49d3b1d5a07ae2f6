import DICOM

/// How tall one pixel is relative to its width, so a display keeps anatomy in proportion.
public struct PixelAspect: Sendable, Equatable {
  /// Physical pixel height divided by physical pixel width (1 for square pixels).
  public var heightOverWidth: Double

  public init(heightOverWidth: Double) {
    self.heightOverWidth =
      heightOverWidth.isFinite && heightOverWidth > 0 ? heightOverWidth : 1
  }

  public static let square = PixelAspect(heightOverWidth: 1)

  /// Reads Pixel Measures (Enhanced, per frame first), Pixel Spacing, Imager Pixel Spacing or
  /// Pixel Aspect Ratio, in that order; square when none is usable. Frame index is 0-based.
  public init(dataSet: DataSet, frameIndex: Int) {
    let measures = DisplaySettings.functionalGroups(dataSet, frameIndex: frameIndex)
      .compactMap { $0.sequence(.pixelMeasuresSequence)?.first }
    let candidates: [[Double]] =
      measures.map { $0.doubles(.pixelSpacing) } + [
        dataSet.doubles(.pixelSpacing), dataSet.doubles(.imagerPixelSpacing),
      ]
    // Spacing is "row spacing \ column spacing": the first value is the pixel's height.
    if let spacing = candidates.first(where: { $0.count == 2 && $0.allSatisfy { $0 > 0 } }) {
      self.init(heightOverWidth: spacing[0] / spacing[1])
      return
    }
    let ratio = dataSet.doubles(.pixelAspectRatio)
    if ratio.count == 2, ratio.allSatisfy({ $0 > 0 }) {
      self.init(heightOverWidth: ratio[0] / ratio[1])
      return
    }
    self = .square
  }
}
