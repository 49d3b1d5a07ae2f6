/// Decodes one line of a scan: every MCU (one sample of each scan component) across it.
struct LosslessLineDecoder {
  let width: Int
  let componentCount: Int
  /// `LosslessHuffmanTable.lookaheadSize` entries per scan component.
  let lookups: UnsafePointer<Int32>
  /// The plane of each scan component.
  let planes: UnsafePointer<UnsafeMutablePointer<UInt16>>
  let tables: [LosslessHuffmanTable]
  /// 2^(P - Pt - 1), the prediction at the start of a scan or restart interval.
  let initialPrediction: Int

  /// Decodes `line`. Its first sample is predicted from above, or from nothing when the line
  /// starts the scan or a restart interval (T.81 H.1.2.1); the rest use `Predictor`.
  @inline(__always)
  func decode<Predictor: LosslessPredictor>(
    _ line: Int, _ reader: inout EntropyBitReader, _ predictor: Predictor.Type,
    startsInterval: Bool = false
  ) throws(CodecError) {
    try decodeFirstColumn(line, &reader, startsInterval: startsInterval)
    guard width > 1 else { return }
    if componentCount == 1 {
      try decodeRestOfLine(line, &reader, Predictor.self)
    } else {
      try decodeRestOfInterleavedLine(line, &reader, Predictor.self)
    }
  }

  @inline(never)
  private func decodeFirstColumn(
    _ line: Int, _ reader: inout EntropyBitReader, startsInterval: Bool
  ) throws(CodecError) {
    for component in 0..<componentCount {
      let sample = planes[component] + line * width
      let difference = try nextDifference(&reader, component: component, line: line, column: 0)
      let prediction = startsInterval ? initialPrediction : Int(sample[-width])
      sample.pointee = UInt16(truncatingIfNeeded: prediction &+ difference)
    }
  }

  /// Columns 1... of a single-component line, the hot loop of most DICOM frames.
  @inline(never)
  private func decodeRestOfLine<Predictor: LosslessPredictor>(
    _ line: Int, _ lineReader: inout EntropyBitReader, _ predictor: Predictor.Type
  ) throws(CodecError) {
    // Local copies, unlike the inout reader and the stored sample, can live in registers.
    var reader = lineReader
    defer { lineReader = reader }
    let row = planes[0] + line * width
    var left = Int(row[0])
    for column in 1..<width {
      let difference = try nextDifference(&reader, component: 0, line: line, column: column)
      left = (Predictor.predict(left: left, above: row + column - width) &+ difference) & 0xFFFF
      row[column] = UInt16(truncatingIfNeeded: left)
    }
  }

  /// Columns 1... of a line of a scan with several components, one sample of each per MCU.
  @inline(never)
  private func decodeRestOfInterleavedLine<Predictor: LosslessPredictor>(
    _ line: Int, _ lineReader: inout EntropyBitReader, _ predictor: Predictor.Type
  ) throws(CodecError) {
    var reader = lineReader
    defer { lineReader = reader }
    for column in 1..<width {
      for component in 0..<componentCount {
        let sample = planes[component] + line * width + column
        let difference = try nextDifference(
          &reader, component: component, line: line, column: column)
        let prediction = Predictor.predict(left: Int(sample[-1]), above: sample - width)
        sample.pointee = UInt16(truncatingIfNeeded: prediction &+ difference)
      }
    }
  }

  /// Reads one Huffman-coded difference category and its extra bits (T.81 H.1.2.2, F.2.2.1).
  @inline(__always)
  private func nextDifference(
    _ reader: inout EntropyBitReader, component: Int, line: Int, column: Int
  ) throws(CodecError) -> Int {
    reader.refillIfBelow32Bits()
    let lookahead = reader.peek(LosslessHuffmanTable.lookaheadBits)
    var code = Int(lookups[component * LosslessHuffmanTable.lookaheadSize + lookahead])
    if code & Int(LosslessHuffmanTable.wholeDifferenceFlag) != 0 {
      reader.consume(code & 0xFF)
      return code >> 17
    }
    if code == 0 {
      code = try longCode(reader, component: component, line: line, column: column)
    }
    reader.consume(code & 0xFF)
    let category = code >> 8
    if category == 0 { return 0 }
    if category < 16 {
      let extra = reader.peek(category)
      reader.consume(category)
      return LosslessHuffmanTable.extend(extra, category: category)
    }
    guard category == 16 else {
      throw CodecError(
        "JPEG lossless data decodes difference category \(category) (at most 16) at byte offset"
          + " \(reader.byteOffset) (line \(line), column \(column))")
    }
    return 32768  // No extra bits follow category 16 (T.81 H.1.2.2).
  }

  /// The slow path for codes longer than the look-ahead, kept out of line.
  @inline(never)
  private func longCode(_ reader: EntropyBitReader, component: Int, line: Int, column: Int)
    throws(CodecError) -> Int
  {
    guard let code = tables[component].decodeLongCode(nextSixteenBits: reader.peek(16)) else {
      throw CodecError(
        "JPEG lossless data has an invalid Huffman code at byte offset \(reader.byteOffset)"
          + " (line \(line), column \(column))")
    }
    return code
  }
}
