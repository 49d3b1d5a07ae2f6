/// Decodes JPEG Lossless frames, Process 14 with any predictor (1.2.840.10008.1.2.4.57) and
/// its selection value 1 form (1.2.840.10008.1.2.4.70); ITU-T T.81 Annex H, Huffman coding.
///
/// Output samples are `value << Pt` masked to the precision P, 1 byte each when P <= 8 and 2
/// otherwise, interleaved in frame component order and never signed: lossless JPEG has no
/// sign, so DICOM's Pixel Representation decides later.
public struct JPEGLosslessDecoder: PixelDecoder {
  public init() {}

  /// Decodes one lossless JPEG stream (SOI to EOI) into interleaved samples.
  public func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError)
    -> DecodedSamples
  {
    try frame.withUnsafeBufferPointer { (stream) throws(CodecError) -> DecodedSamples in
      var decoder = LosslessStreamDecoder(stream: stream, description: description)
      return try decoder.decode()
    }
  }
}

/// Walks the markers of one stream, decoding each scan as its SOS arrives.
private struct LosslessStreamDecoder {
  let stream: UnsafeBufferPointer<UInt8>
  let description: FrameDescription
  var frame: LosslessFrameHeader?
  var lines = 0
  var tables = [LosslessHuffmanTable?](repeating: nil, count: 4)
  var restartInterval = 0
  /// Planes of reconstructed samples, one per frame component, allocated at SOF3.
  var planes: UnsafeMutablePointer<UInt16>?
  /// The point transform each component was decoded with; nil until a scan covers it.
  var pointTransforms: [Int?] = []

  init(stream: UnsafeBufferPointer<UInt8>, description: FrameDescription) {
    self.stream = stream
    self.description = description
  }

  mutating func decode() throws(CodecError) -> DecodedSamples {
    defer { planes?.deallocate() }
    guard stream.count >= 2, stream[0] == 0xFF, stream[1] == 0xD8 else {
      let found = stream.prefix(2).map { twoDigitHex($0) }.joined()
      throw CodecError(
        "JPEG lossless frame does not start with the SOI marker FFD8 (found"
          + " \(found.isEmpty ? "no data" : found) at byte offset 0)")
    }
    var position = 2
    markers: while let marker = EntropyBitReader.nextMarker(in: stream, from: position) {
      let code = stream[marker + 1]
      position = marker + 2
      switch code {
      case 0xD9:
        break markers
      case 0x01, 0xD0...0xD8:
        continue  // Markers without a segment; a stray RSTn or SOI carries nothing to do.
      case 0xC3:
        let segment = try JPEGMarkerSegment(stream: stream, markerAt: marker)
        try startFrame(try segment.losslessFrameHeader(), at: marker)
        position = segment.bodyEnd
      case 0xC4:
        let segment = try JPEGMarkerSegment(stream: stream, markerAt: marker)
        for (destination, table) in try segment.huffmanTables() {
          tables[destination] = table
        }
        position = segment.bodyEnd
      case 0xDD:
        let segment = try JPEGMarkerSegment(stream: stream, markerAt: marker)
        restartInterval = try segment.restartInterval()
        position = segment.bodyEnd
      case 0xDA:
        let segment = try JPEGMarkerSegment(stream: stream, markerAt: marker)
        position = try decodeScan(segment)
      case 0xCC:
        throw CodecError(
          "JPEG stream uses arithmetic coding (DAC at byte offset \(marker)), which JPEG"
            + " Lossless transfer syntaxes do not allow")
      case 0xC0...0xCF:
        throw CodecError(
          "JPEG stream is not lossless Process 14: its frame marker is FF\(twoDigitHex(code)) (at byte"
            + " offset \(marker)), not SOF3 FFC3")
      default:
        // APPn, COM, DQT, DNL and the like: nothing lossless decoding needs.
        position = try JPEGMarkerSegment(stream: stream, markerAt: marker).bodyEnd
      }
    }
    return try assembleSamples()
  }

  private mutating func startFrame(_ header: LosslessFrameHeader, at marker: Int)
    throws(CodecError)
  {
    guard frame == nil else {
      throw CodecError("JPEG stream has a second frame header (SOF3 at byte offset \(marker))")
    }
    // Y = 0 means a DNL marker after the first scan gives the height; Rows says the same.
    let height = header.lines == 0 ? description.rows : header.lines
    guard height > 0 else {
      throw CodecError("JPEG lossless frame (SOF3 at byte offset \(marker)) has no lines")
    }
    guard header.samplesPerLine == description.columns, height == description.rows,
      header.componentIdentifiers.count == description.samplesPerPixel
    else {
      throw CodecError(
        "JPEG lossless frame is \(header.samplesPerLine)x\(header.lines) with"
          + " \(header.componentIdentifiers.count) component(s), but the data set says"
          + " \(description.columns)x\(description.rows) with \(description.samplesPerPixel)")
    }
    let (planeSamples, overflow) = (header.samplesPerLine * height)
      .multipliedReportingOverflow(by: header.componentIdentifiers.count)
    guard !overflow else {
      throw CodecError("JPEG lossless frame \(header.samplesPerLine)x\(height) is too large")
    }
    let storage = UnsafeMutablePointer<UInt16>.allocate(capacity: planeSamples)
    storage.initialize(repeating: 0, count: planeSamples)
    planes = storage
    frame = header
    lines = height
    pointTransforms = Array(repeating: nil, count: header.componentIdentifiers.count)
  }

  private mutating func decodeScan(_ segment: JPEGMarkerSegment) throws(CodecError) -> Int {
    guard let frame, let planes else {
      throw CodecError(
        "JPEG scan (SOS at byte offset \(segment.markerOffset)) comes before any lossless frame"
          + " header (SOF3)")
    }
    let scan = try segment.losslessScanHeader(frame: frame)
    var scanTables: [LosslessHuffmanTable] = []
    for selector in scan.tableSelectors {
      guard selector < tables.count, let table = tables[selector] else {
        throw CodecError(
          "JPEG scan (SOS at byte offset \(segment.markerOffset)) uses Huffman table"
            + " \(selector), which no DHT segment defined")
      }
      scanTables.append(table)
    }
    let decoder = LosslessScanDecoder(
      frame: frame, lines: lines, scan: scan, tables: scanTables,
      restartInterval: restartInterval)
    let end = try decoder.decode(stream, from: segment.bodyEnd, into: planes)
    for component in scan.frameComponents {
      pointTransforms[component] = scan.pointTransform
    }
    return end
  }

  /// Undoes the point transform and interleaves the planes into little-endian samples.
  private func assembleSamples() throws(CodecError) -> DecodedSamples {
    guard let frame, let planes else {
      throw CodecError("JPEG stream has no lossless frame header (SOF3)")
    }
    if let missing = pointTransforms.firstIndex(where: { $0 == nil }) {
      throw CodecError(
        "JPEG lossless data ends before component \(frame.componentIdentifiers[missing]) was"
          + " decoded (no scan for it)")
    }
    let componentCount = frame.componentIdentifiers.count
    let planeSize = lines * frame.samplesPerLine
    let bytesPerSample = frame.precision <= 8 ? 1 : 2
    let mask = (1 << frame.precision) - 1
    let byteCount = planeSize * componentCount * bytesPerSample
    // Every byte is written below: each component fills its own slot of every pixel.
    let bytes = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
      guard let out = buffer.baseAddress else { return }
      let raw = UnsafeMutableRawPointer(out)
      for component in 0..<componentCount {
        let shift = pointTransforms[component] ?? 0
        let plane = planes + component * planeSize
        // Wrapping arithmetic: the values are bounded, and it lets the loops vectorize.
        if bytesPerSample == 1 {
          var to = out + component
          for index in 0..<planeSize {
            to.pointee = UInt8(truncatingIfNeeded: (Int(plane[index]) &<< shift) & mask)
            to += componentCount
          }
        } else {
          var to = raw + component &* 2
          for index in 0..<planeSize {
            let value = UInt16(truncatingIfNeeded: (Int(plane[index]) &<< shift) & mask)
            to.storeBytes(of: value.littleEndian, as: UInt16.self)
            to += componentCount &* 2
          }
        }
      }
      initialized = byteCount
    }
    return DecodedSamples(
      columns: frame.samplesPerLine, rows: lines, samplesPerPixel: componentCount,
      precision: frame.precision, isSigned: false, bytesPerSample: bytesPerSample, bytes: bytes)
  }
}
