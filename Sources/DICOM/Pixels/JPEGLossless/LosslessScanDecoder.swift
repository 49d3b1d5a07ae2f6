/// Decodes the entropy-coded data of one lossless scan into component planes (T.81 Annex H).
struct LosslessScanDecoder {
  let frame: LosslessFrameHeader
  /// Lines to decode; the frame's Y, or the data set's Rows when Y is 0 (DNL).
  let lines: Int
  let scan: LosslessScanHeader
  /// The DC table of each scan component, in scan order.
  let tables: [LosslessHuffmanTable]
  /// MCUs per restart interval, 0 for none.
  let restartInterval: Int

  /// Decodes the scan starting at `position` into `planes` (one `lines` x samples-per-line
  /// plane per frame component, frame order); returns where the data after the scan begins.
  ///
  /// Samples are the reconstructed values before the point transform is undone, modulo 2^16.
  func decode(
    _ stream: UnsafeBufferPointer<UInt8>, from position: Int,
    into planes: UnsafeMutablePointer<UInt16>
  ) throws(CodecError) -> Int {
    let width = frame.samplesPerLine
    // IJG-derived codecs (DCMTK, GDCM, libjpeg-turbo) refuse intervals that end mid-line, and
    // what prediction would mean across such a restart is not settled, so refuse them too.
    guard restartInterval % width == 0 else {
      throw CodecError(
        "JPEG lossless restart interval of \(restartInterval) MCUs is not a whole number of"
          + " lines of \(width) MCUs; such streams are not supported")
    }
    let componentCount = scan.frameComponents.count
    let tableSize = LosslessHuffmanTable.lookaheadSize
    // Contiguous copies keep the per-sample path free of array bounds and retain checks.
    let lookups = UnsafeMutablePointer<Int32>.allocate(capacity: componentCount * tableSize)
    defer { lookups.deallocate() }
    let componentPlanes = UnsafeMutablePointer<UnsafeMutablePointer<UInt16>>.allocate(
      capacity: componentCount)
    defer { componentPlanes.deallocate() }
    for component in 0..<componentCount {
      tables[component].lookahead.withUnsafeBufferPointer { table in
        guard let base = table.baseAddress else { return }
        (lookups + component * tableSize).initialize(from: base, count: tableSize)
      }
      (componentPlanes + component).initialize(
        to: planes + scan.frameComponents[component] * lines * width)
    }
    let lineDecoder = LosslessLineDecoder(
      width: width, componentCount: componentCount, lookups: lookups, planes: componentPlanes,
      tables: tables, initialPrediction: 1 << (frame.precision - scan.pointTransform - 1))

    var reader = EntropyBitReader(stream: stream, position: position)
    let linesPerInterval = restartInterval / width
    var linesLeftInInterval = linesPerInterval
    var intervalFirstLine = 0
    for line in 0..<lines {
      if linesPerInterval > 0 {
        if linesLeftInInterval == 0 {
          try reader.skipToRestartMarker()
          linesLeftInInterval = linesPerInterval
          intervalFirstLine = line
        }
        linesLeftInInterval -= 1
      }
      if line == intervalFirstLine {
        try lineDecoder.decode(line, &reader, LeftPredictor.self, startsInterval: true)
      } else {
        switch scan.predictor {
        case 1: try lineDecoder.decode(line, &reader, LeftPredictor.self)
        case 2: try lineDecoder.decode(line, &reader, AbovePredictor.self)
        case 3: try lineDecoder.decode(line, &reader, AboveLeftPredictor.self)
        case 4: try lineDecoder.decode(line, &reader, PlanePredictor.self)
        case 5: try lineDecoder.decode(line, &reader, LeftPlusHalfVerticalPredictor.self)
        case 6: try lineDecoder.decode(line, &reader, AbovePlusHalfHorizontalPredictor.self)
        default: try lineDecoder.decode(line, &reader, AveragePredictor.self)
        }
      }
      guard !reader.hasOverrun else {
        throw CodecError(
          "JPEG lossless data ends early: reached \(reader.stopDescription) while decoding line"
            + " \(line) of \(lines) lines x \(width) columns")
      }
    }
    return reader.position
  }
}
