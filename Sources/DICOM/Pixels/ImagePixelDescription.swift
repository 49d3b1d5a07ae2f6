/// The Image Pixel module attributes that say how to read a frame (PS3.3 C.7.6.3).
public struct ImagePixelDescription: Sendable, Equatable {
  public var rows: Int
  public var columns: Int
  public var samplesPerPixel: Int
  public var bitsAllocated: Int
  public var bitsStored: Int
  public var highBit: Int
  public var pixelRepresentation: Int
  public var photometricInterpretation: String
  public var planarConfiguration: Int
  public var numberOfFrames: Int
  /// Which element holds the pixels: Pixel Data, Float Pixel Data or Double Float Pixel Data.
  public var pixelTag: Tag

  /// Reads the attributes, with the defaults and checks pydicom applies.
  public init(dataSet: DataSet) throws {
    guard
      let pixelTag = [Tag.pixelData, .floatPixelData, .doubleFloatPixelData].first(where: {
        dataSet.contains($0)
      })
    else {
      throw DICOMError(.missingAttribute, "the data set has no pixel data", tag: .pixelData)
    }
    self.pixelTag = pixelTag
    func required(_ tag: Tag, _ name: String) throws -> Int {
      guard let value = dataSet.int(tag) else {
        throw DICOMError(
          .missingAttribute, "\(name) is missing or not a number; it is needed to read the pixels",
          tag: tag)
      }
      return value
    }
    rows = try required(.rows, "Rows")
    columns = try required(.columns, "Columns")
    switch pixelTag {
    case .floatPixelData: bitsAllocated = 32
    case .doubleFloatPixelData: bitsAllocated = 64
    default: bitsAllocated = try required(.bitsAllocated, "Bits Allocated")
    }
    samplesPerPixel = dataSet.int(.samplesPerPixel) ?? 1
    bitsStored = dataSet.int(.bitsStored) ?? bitsAllocated
    highBit = dataSet.int(.highBit) ?? bitsStored - 1
    pixelRepresentation = dataSet.int(.pixelRepresentation) ?? 0
    photometricInterpretation =
      dataSet.string(.photometricInterpretation)
      ?? (samplesPerPixel == 3 ? "RGB" : "MONOCHROME2")
    planarConfiguration = dataSet.int(.planarConfiguration) ?? 0
    if let frames = dataSet.string(.numberOfFrames), Int(frames) == nil {
      throw DICOMError(
        .invalidPixelData, "Number of Frames '\(frames)' is not a whole number",
        tag: .numberOfFrames)
    }
    numberOfFrames = max(dataSet.int(.numberOfFrames) ?? 1, 1)

    guard rows > 0, columns > 0, rows <= 65535, columns <= 65535 else {
      throw DICOMError(
        .invalidPixelData, "the image is \(rows) rows by \(columns) columns", tag: .rows)
    }
    guard [1, 8, 16, 32, 64].contains(bitsAllocated),
      bitsAllocated != 64 || pixelTag == .doubleFloatPixelData
    else {
      throw DICOMError(
        .invalidPixelData, "Bits Allocated \(bitsAllocated) is not supported (1, 8, 16 or 32)",
        tag: .bitsAllocated)
    }
    guard (1...bitsAllocated).contains(bitsStored) else {
      throw DICOMError(
        .invalidPixelData,
        "Bits Stored \(bitsStored) does not fit in Bits Allocated \(bitsAllocated)",
        tag: .bitsStored)
    }
    guard [1, 3, 4].contains(samplesPerPixel) else {
      throw DICOMError(
        .invalidPixelData, "Samples per Pixel \(samplesPerPixel) is not 1, 3 or 4",
        tag: .samplesPerPixel)
    }
    guard pixelRepresentation == 0 || pixelRepresentation == 1 else {
      throw DICOMError(
        .invalidPixelData, "Pixel Representation \(pixelRepresentation) is not 0 or 1",
        tag: .pixelRepresentation)
    }
  }

  public var pixelsPerFrame: Int { rows * columns }
  public var isMonochrome: Bool { photometricInterpretation.hasPrefix("MONOCHROME") }
  public var isSigned: Bool { pixelRepresentation == 1 }

  /// Bytes of one native frame; 4:2:2 data holds two samples per pixel.
  public var nativeFrameBits: Int {
    let samples =
      photometricInterpretation == "YBR_FULL_422" && samplesPerPixel == 3 ? 2 : samplesPerPixel
    return pixelsPerFrame * samples * bitsAllocated
  }

  /// The description handed to codecs.
  public var frameDescription: FrameDescription {
    FrameDescription(
      rows: rows, columns: columns, samplesPerPixel: samplesPerPixel,
      bitsAllocated: bitsAllocated, bitsStored: bitsStored,
      pixelRepresentation: pixelRepresentation,
      photometricInterpretation: photometricInterpretation,
      planarConfiguration: planarConfiguration)
  }
}
