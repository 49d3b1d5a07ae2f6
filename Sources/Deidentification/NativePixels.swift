import DICOM

/// Pixels the shell decoded from compressed pixel data, with the layout they have now.
///
/// The de-identified copy is written uncompressed, so these replace the encapsulated data and
/// the Image Pixel attributes are rewritten to describe them.
public struct NativePixels: Sendable, Equatable {
  /// Little-endian samples, frame after frame.
  public var bytes: [UInt8]
  public var layout: PixelLayout
  /// The colour model of `bytes`, e.g. RGB after decoding YBR_FULL_422 JPEG.
  public var photometricInterpretation: String

  public init(bytes: [UInt8], layout: PixelLayout, photometricInterpretation: String) {
    self.bytes = bytes
    self.layout = layout
    self.photometricInterpretation = photometricInterpretation
  }

  /// Writes the pixel data and the attributes that describe it into `dataSet`.
  func describe(in dataSet: inout WritableDataSet) {
    dataSet.setUInt16(.rows, [UInt16(clamping: layout.rows)])
    dataSet.setUInt16(.columns, [UInt16(clamping: layout.columns)])
    dataSet.setUInt16(.samplesPerPixel, [UInt16(clamping: layout.samplesPerPixel)])
    dataSet.setUInt16(.bitsAllocated, [UInt16(clamping: layout.bitsAllocated)])
    if layout.samplesPerPixel > 1 {
      dataSet.setUInt16(.planarConfiguration, [UInt16(clamping: layout.planarConfiguration)])
    } else {
      dataSet.remove(.planarConfiguration)
    }
    if layout.numberOfFrames > 1 { dataSet.setIntegers(.numberOfFrames, [layout.numberOfFrames]) }
    dataSet.set(.photometricInterpretation, .CS, photometricInterpretation)
    dataSet.set(.pixelData, layout.bitsAllocated > 8 ? .OW : .OB, bytes: bytes)
  }
}

extension NativePixels {
  /// Decodes every frame of `file` with `registry`, as the copy will store them: interleaved,
  /// little endian, at the file's Bits Allocated.
  ///
  /// Pure: the shell passes a registry with the C-backed codecs for JPEG, JPEG-LS and J2K.
  public static func decoding(
    _ file: DICOMFile, registry: PixelDecoderRegistry = .builtIn
  ) throws(DeidentificationError) -> NativePixels {
    do {
      let description = try file.pixelDescription()
      var bytes: [UInt8] = []
      var first: PixelFrame?
      for index in 0..<description.numberOfFrames {
        let frame = try file.pixelFrame(index, registry: registry)
        if first == nil { first = frame }
        bytes += frame.samples.littleEndianBytes
      }
      guard let first else {
        throw DeidentificationError("the pixel data has no frames", path: [.pixelData])
      }
      let bitsAllocated = first.samples.bytesPerSample * 8
      return NativePixels(
        bytes: bytes,
        layout: PixelLayout(
          rows: first.rows, columns: first.columns, samplesPerPixel: first.samplesPerPixel,
          bitsAllocated: bitsAllocated, planarConfiguration: 0,
          numberOfFrames: description.numberOfFrames),
        photometricInterpretation: first.photometricInterpretation)
    } catch let error as DeidentificationError {
      throw error
    } catch {
      throw DeidentificationError("cannot decode the pixel data: \(error)", path: [.pixelData])
    }
  }
}
