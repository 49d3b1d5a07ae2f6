import DICOM

/// How native pixel bytes are laid out: enough to find pixel (row, column) in every frame.
public struct PixelLayout: Sendable, Equatable {
  public var rows: Int
  public var columns: Int
  public var samplesPerPixel: Int
  public var bitsAllocated: Int
  /// 0: RGBRGB... (color-by-pixel); 1: RR..GG..BB.. (color-by-plane).
  public var planarConfiguration: Int
  public var numberOfFrames: Int

  public init(
    rows: Int, columns: Int, samplesPerPixel: Int = 1, bitsAllocated: Int,
    planarConfiguration: Int = 0, numberOfFrames: Int = 1
  ) {
    self.rows = rows
    self.columns = columns
    self.samplesPerPixel = samplesPerPixel
    self.bitsAllocated = bitsAllocated
    self.planarConfiguration = planarConfiguration
    self.numberOfFrames = numberOfFrames
  }

  /// The layout the data set's Image Pixel attributes describe.
  public init(_ dataSet: DataSet) throws(DeidentificationError) {
    guard let rows = dataSet.int(.rows), let columns = dataSet.int(.columns),
      let bitsAllocated = dataSet.int(.bitsAllocated)
    else {
      throw DeidentificationError(
        "cannot redact: Rows, Columns or Bits Allocated is missing",
        path: [.rows, .columns, .bitsAllocated])
    }
    self.init(
      rows: rows, columns: columns, samplesPerPixel: dataSet.int(.samplesPerPixel) ?? 1,
      bitsAllocated: bitsAllocated,
      planarConfiguration: dataSet.int(.planarConfiguration) ?? 0,
      numberOfFrames: max(1, dataSet.int(.numberOfFrames) ?? 1))
  }

  var bytesPerSample: Int { bitsAllocated / 8 }
  var frameByteCount: Int { rows * columns * samplesPerPixel * bytesPerSample }
}
