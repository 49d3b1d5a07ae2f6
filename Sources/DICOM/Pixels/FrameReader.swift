import Foundation

extension DICOMFile {
  /// The Image Pixel attributes of the top-level data set.
  public func pixelDescription() throws -> ImagePixelDescription {
    try ImagePixelDescription(dataSet: dataSet)
  }

  /// Decodes frame `index` (0-based) to the samples pydicom's `pixel_array` would give.
  ///
  /// Masks or sign-extends unused bits, corrects J2K and JPEG-LS signedness, converts YBR to RGB,
  /// and returns multi-sample pixels interleaved.
  public func pixelFrame(
    _ index: Int, registry: PixelDecoderRegistry = .builtIn
  ) throws -> PixelFrame {
    let description = try pixelDescription()
    guard let element = dataSet[description.pixelTag] else {
      throw DICOMError(.missingAttribute, "the data set has no pixel data", tag: .pixelData)
    }
    if let encapsulated = element.encapsulated {
      return try encapsulatedFrame(
        index, description: description, pixels: encapsulated, registry: registry)
    }
    guard !transferSyntax.isEncapsulated || !transferSyntax.isKnown else {
      throw DICOMError(
        .invalidPixelData,
        "the transfer syntax \(transferSyntax.name) needs encapsulated pixel data, "
          + "but the Pixel Data element has a defined length",
        offset: element.offset, tag: element.tag)
    }
    return try nativeFrame(index, description: description, element: element)
  }

  // MARK: - Native

  private func nativeFrame(
    _ index: Int, description: ImagePixelDescription, element: DataElement
  ) throws -> PixelFrame {
    let frames = description.numberOfFrames
    guard (0..<frames).contains(index) else {
      throw DICOMError(
        .invalidPixelData, "frame \(index + 1) requested but the image has \(frames) frame(s)")
    }
    let frameBits = description.nativeFrameBits
    let needed = (frameBits * frames + 7) / 8
    guard element.length >= needed else {
      throw DICOMError(
        .invalidPixelData,
        "the pixel data holds \(element.length) bytes but \(frames) frame(s) of "
          + "\(description.rows)x\(description.columns)x\(description.samplesPerPixel) at "
          + "\(description.bitsAllocated) bits need \(needed)",
        offset: element.offset, tag: element.tag)
    }
    let little = dataSet.isLittleEndian
    // Only this frame's bytes are copied, not the whole (possibly many-frame) value.
    let frameStartBit = index * frameBits
    let range = (frameStartBit / 8)..<((frameStartBit + frameBits + 7) / 8)
    let swapsWords = !little && description.bitsAllocated == 8 && element.vr == .OW
    var frameValue = dataSet.withValueBytes(of: element) { raw in
      guard swapsWords else { return Array(raw[range]) }
      // 8-bit data in big-endian OW is stored as swapped 16-bit words (PS3.5 8.2 note): swap
      // the whole words around the frame, then cut the frame out.
      let words = (range.lowerBound & ~1)..<min((range.upperBound + 1) & ~1, raw.count)
      var bytes = Array(raw[words])
      var position = 0
      while position + 1 < bytes.count {
        bytes.swapAt(position, position + 1)
        position += 2
      }
      let offset = range.lowerBound - words.lowerBound
      return Array(bytes[offset..<(offset + range.count)])
    }

    var samples: PixelFrame.Samples
    if description.bitsAllocated == 1 {
      samples = frameValue.withUnsafeBytes {
        .uint8(NativePixels.unpackBits($0, firstBit: frameStartBit % 8, count: frameBits))
      }
    } else {
      let bytesPerSample = description.bitsAllocated / 8
      if description.samplesPerPixel > 1 && description.planarConfiguration == 1
        && description.photometricInterpretation != "YBR_FULL_422"
      {
        frameValue = NativePixels.interleave(
          frameValue, planes: description.samplesPerPixel, bytesPerSample: bytesPerSample)
      }
      samples = frameValue.withUnsafeBytes { raw in
        switch description.pixelTag {
        case .floatPixelData:
          return .float32(
            NativePixels.loadFloats(raw, bits: UInt32.self, littleEndian: little) {
              Float(bitPattern: $0)
            })
        case .doubleFloatPixelData:
          return .float64(
            NativePixels.loadFloats(raw, bits: UInt64.self, littleEndian: little) {
              Double(bitPattern: $0)
            })
        default:
          return NativePixels.samples(
            raw, bitsAllocated: description.bitsAllocated, signed: description.isSigned,
            littleEndian: little)
        }
      }
      if description.pixelTag == .pixelData && description.bitsStored < description.bitsAllocated {
        NativePixels.discardHighBits(&samples, keeping: description.bitsStored)
      }
    }
    return finishColor(samples, description: description, convertedToRGB: nil)
  }

  // MARK: - Encapsulated

  private func encapsulatedFrame(
    _ index: Int, description: ImagePixelDescription, pixels: EncapsulatedPixelData,
    registry: PixelDecoderRegistry
  ) throws -> PixelFrame {
    guard let decoder = registry.decoder(for: transferSyntax.uid) else {
      throw DICOMError(
        .unsupportedTransferSyntax,
        "no decoder for the transfer syntax \(transferSyntax.name) (\(transferSyntax.uid))")
    }
    let storage = dataSet.storage
    let extended = dataSet[.extendedOffsetTable].map { element in
      dataSet.withValueBytes(of: element) { raw in
        (0..<raw.count / 8).map {
          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))
        }
      }
    }
    let frames = try pixels.frameFragmentIndices(
      numberOfFrames: description.numberOfFrames, extendedOffsets: extended
    ) { fragment in
      storage.withUnsafeBytes { raw in Self.endsWithEndOfImage(raw, fragment.range) }
    }
    guard (0..<frames.count).contains(index) else {
      throw DICOMError(
        .invalidPixelData,
        "frame \(index + 1) requested but the encapsulated pixel data holds \(frames.count) frame(s)",
        tag: .pixelData)
    }
    let frameBytes: [UInt8] = storage.withUnsafeBytes { raw in
      var joined: [UInt8] = []
      for fragment in frames[index] { joined += raw[pixels.fragments[fragment].range] }
      return joined
    }
    let decoded: DecodedSamples
    do {
      decoded = try decoder.decode(frameBytes, as: description.frameDescription)
    } catch {
      throw DICOMError(
        .codec,
        "frame \(index + 1) could not be decoded as \(transferSyntax.name): \(error.message)",
        tag: .pixelData)
    }
    guard decoded.rows == description.rows, decoded.columns == description.columns,
      decoded.samplesPerPixel == description.samplesPerPixel
    else {
      throw DICOMError(
        .invalidPixelData,
        "frame \(index + 1) decodes to \(decoded.rows)x\(decoded.columns)x\(decoded.samplesPerPixel)"
          + " but the data set says \(description.rows)x\(description.columns)x"
          + "\(description.samplesPerPixel)",
        tag: .pixelData)
    }
    var samples = SampleReinterpretation.samples(from: decoded, as: description)
    if transferSyntax.isJPEG2000 {
      if description.isMonochrome && decoded.isSigned != description.isSigned {
        NativePixels.discardHighBits(&samples, keeping: decoded.precision)
      }
    } else if transferSyntax.isJPEGLS {
      if description.isSigned { NativePixels.discardHighBits(&samples, keeping: decoded.precision) }
    } else if description.bitsStored < description.bitsAllocated {
      NativePixels.discardHighBits(&samples, keeping: description.bitsStored)
    }
    return finishColor(samples, description: description, convertedToRGB: decoded.convertedToRGB)
  }

  /// JPEG EOI and J2K EOC are both FFD9; encoders may add one padding byte after it.
  private static func endsWithEndOfImage(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>)
    -> Bool
  {
    let end = range.upperBound
    guard range.count >= 2 else { return false }
    if raw[end - 2] == 0xFF && raw[end - 1] == 0xD9 { return true }
    return range.count >= 3 && raw[end - 3] == 0xFF && raw[end - 2] == 0xD9
  }

  // MARK: - Color

  private func finishColor(
    _ samples: PixelFrame.Samples, description: ImagePixelDescription, convertedToRGB: Bool?
  ) -> PixelFrame {
    var samples = samples
    var photometric = description.photometricInterpretation
    let isYBR = photometric == "YBR_FULL" || photometric == "YBR_FULL_422"
    if description.samplesPerPixel == 3 {
      if convertedToRGB != nil || photometric == "YBR_ICT" || photometric == "YBR_RCT" {
        // The codec decided the color space from its own markers (JPEG) or applied the MCT (J2K).
        if convertedToRGB == true || !isYBR || transferSyntax.isJPEG2000 { photometric = "RGB" }
      }
      if photometric == "YBR_FULL_422" && !transferSyntax.isEncapsulated {
        samples = Self.expand422(samples, pixelCount: description.pixelsPerFrame)
        photometric = "YBR_FULL"
      }
      if photometric == "YBR_FULL" || photometric == "YBR_FULL_422" {
        Self.convertToRGB(&samples)
        photometric = "RGB"
      }
    }
    return PixelFrame(
      rows: description.rows, columns: description.columns,
      samplesPerPixel: description.samplesPerPixel, photometricInterpretation: photometric,
      samples: samples)
  }

  private static func expand422(_ samples: PixelFrame.Samples, pixelCount: Int)
    -> PixelFrame.Samples
  {
    switch samples {
    case .uint8(let values): .uint8(ColorSpace.expand422(values, pixelCount: pixelCount))
    case .uint16(let values): .uint16(ColorSpace.expand422(values, pixelCount: pixelCount))
    default: samples
    }
  }

  private static func convertToRGB(_ samples: inout PixelFrame.Samples) {
    switch samples {
    case .uint8(var values):
      ColorSpace.ybrFullToRGB(&values)
      samples = .uint8(values)
    case .uint16(var values):
      ColorSpace.ybrFullToRGB(&values)
      samples = .uint16(values)
    default:
      break
    }
  }
}
