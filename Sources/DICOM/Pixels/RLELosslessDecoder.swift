/// Decodes RLE Lossless frames (transfer syntax 1.2.840.10008.1.2.5, PS3.5 Annex G).
///
/// Each frame starts with a 64-byte header (segment count, then 15 little-endian segment
/// offsets). Every segment is PackBits-coded and holds one byte of one sample for every pixel,
/// most significant byte first, so colour data is planar in the stream whatever
/// PlanarConfiguration says. The output is interleaved and little-endian.
///
/// Real-world deviations are tolerated the way pydicom and GDCM tolerate them: a segment that
/// decodes short is padded with zeros, one that decodes long is truncated, and surplus segments
/// beyond the ones the frame needs are ignored. A header that cannot be right (too few
/// segments, an offset outside the frame) is an error.
public struct RLELosslessDecoder: PixelDecoder {
  /// The header is 16 little-endian 32-bit words: the segment count and 15 offsets.
  static let headerLength = 64
  static let maximumSegmentCount = 15

  public init() {}

  /// Decodes one RLE frame into interleaved little-endian samples of BitsAllocated / 8 bytes.
  public func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    let layout = try RLEFrameLayout(description)
    let segmentStarts = try Self.segmentOffsets(in: frame, layout: layout)
    var output = [UInt8](repeating: 0, count: layout.outputByteCount)
    frame.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { out in
        guard let outBase = out.baseAddress else { return }
        for segment in 0..<layout.segmentCount {
          let sample = segment / layout.bytesPerSample
          // Segments carry the most significant byte first; the output is little-endian.
          let byteInSample = layout.bytesPerSample - 1 - segment % layout.bytesPerSample
          let start = segmentStarts[segment]
          let end = Self.segmentEnd(
            startingAt: start, index: segment, offsets: segmentStarts, frameLength: input.count)
          unpackSegment(
            input, from: start, to: end,
            into: outBase + sample * layout.bytesPerSample + byteInSample,
            stride: layout.pixelStride, count: layout.pixelCount)
        }
      }
    }
    return DecodedSamples(
      columns: description.columns, rows: description.rows,
      samplesPerPixel: description.samplesPerPixel, precision: description.bitsStored,
      // RLE only packs the native stored words, so their sign is whatever the data set says.
      isSigned: description.pixelRepresentation == 1,
      bytesPerSample: layout.bytesPerSample, bytes: output)
  }

  /// Reads and checks the header, returning the start of each segment the frame needs.
  static func segmentOffsets(in frame: [UInt8], layout: RLEFrameLayout) throws(CodecError)
    -> [Int]
  {
    guard frame.count >= headerLength else {
      throw CodecError(
        "RLE frame is \(frame.count) bytes, shorter than its \(headerLength)-byte header")
    }
    func word(_ index: Int) -> Int {
      let at = index * 4
      return Int(frame[at]) | Int(frame[at + 1]) << 8 | Int(frame[at + 2]) << 16
        | Int(frame[at + 3]) << 24
    }
    let listed = word(0)
    guard (1...maximumSegmentCount).contains(listed) else {
      throw CodecError(
        "RLE header lists \(listed) segments; a frame has 1 to \(maximumSegmentCount)")
    }
    guard listed >= layout.segmentCount else {
      throw CodecError(
        "RLE header lists \(listed) segments but \(layout.samplesPerPixel) sample(s) per pixel"
          + " of \(layout.bytesPerSample * 8) bits need \(layout.segmentCount)")
    }
    var offsets: [Int] = []
    offsets.reserveCapacity(listed)
    for segment in 0..<listed {
      let offset = word(segment + 1)
      // Surplus segments are ignored, so only the needed ones must point inside the frame.
      if segment < layout.segmentCount {
        guard offset >= headerLength, offset <= frame.count else {
          throw CodecError(
            "RLE segment \(segment + 1) of \(listed) starts at byte offset \(offset), outside"
              + " the frame (segments lie between byte \(headerLength) and \(frame.count))")
        }
      }
      offsets.append(offset)
    }
    return offsets
  }

  /// A segment ends where the next one starts; when the next offset is unusable (not after this
  /// one or past the frame) the segment may run to the end of the frame.
  static func segmentEnd(startingAt start: Int, index: Int, offsets: [Int], frameLength: Int)
    -> Int
  {
    guard index + 1 < offsets.count else { return frameLength }
    let next = offsets[index + 1]
    return next > start && next <= frameLength ? next : frameLength
  }
}

/// Sizes of one RLE frame derived from the data set, checked before any allocation.
struct RLEFrameLayout {
  var pixelCount: Int
  var samplesPerPixel: Int
  var bytesPerSample: Int
  var segmentCount: Int
  var pixelStride: Int
  var outputByteCount: Int

  init(_ description: FrameDescription) throws(CodecError) {
    guard [8, 16, 32].contains(description.bitsAllocated) else {
      throw CodecError(
        "RLE Lossless decoding supports Bits Allocated 8, 16 or 32, not"
          + " \(description.bitsAllocated)")
    }
    bytesPerSample = description.bitsAllocated / 8
    samplesPerPixel = description.samplesPerPixel
    segmentCount = samplesPerPixel * bytesPerSample
    guard samplesPerPixel >= 1,
      segmentCount <= RLELosslessDecoder.maximumSegmentCount
    else {
      throw CodecError(
        "RLE Lossless cannot hold \(description.samplesPerPixel) sample(s) per pixel of"
          + " \(description.bitsAllocated) bits: that needs more than 15 segments")
    }
    guard description.rows > 0, description.columns > 0 else {
      throw CodecError(
        "RLE frame size \(description.columns)x\(description.rows) has no pixels")
    }
    let (pixels, pixelOverflow) = description.rows.multipliedReportingOverflow(
      by: description.columns)
    let (bytes, byteOverflow) = pixels.multipliedReportingOverflow(by: segmentCount)
    guard !pixelOverflow, !byteOverflow else {
      throw CodecError(
        "RLE frame size \(description.columns)x\(description.rows) is too large to decode")
    }
    pixelCount = pixels
    pixelStride = segmentCount
    outputByteCount = bytes
  }
}

/// Expands one PackBits segment, writing every `stride`-th output byte.
///
/// Input and output bounds are checked per run, not per byte: a run is clipped to what is left
/// of both, which also truncates segments that decode long. A short segment leaves the rest of
/// its bytes as they were (zero).
private func unpackSegment(
  _ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
  into output: UnsafeMutablePointer<UInt8>, stride: Int, count: Int
) {
  guard let source = input.baseAddress, start < end, end <= input.count else { return }
  var read = start
  var written = 0
  while written < count, read < end {
    let control = Int(source[read])
    read += 1
    if control < 128 {
      let literal = control + 1
      let copied = min(literal, end - read, count - written)
      if stride == 1 {
        (output + written).update(from: source + read, count: copied)
      } else {
        var to = output + written * stride
        var from = source + read
        for _ in 0..<copied {
          to.pointee = from.pointee
          to += stride
          from += 1
        }
      }
      read += literal
      written += copied
    } else if control > 128 {
      guard read < end else { break }
      let value = source[read]
      read += 1
      let repeated = min(257 - control, count - written)
      if stride == 1 {
        (output + written).update(repeating: value, count: repeated)
      } else {
        var to = output + written * stride
        for _ in 0..<repeated {
          to.pointee = value
          to += stride
        }
      }
      written += repeated
    }
    // 128 is a no-op control byte.
  }
}
