/// The frame header of a lossless JPEG stream (SOF3, T.81 B.2.2).
struct LosslessFrameHeader: Sendable, Equatable {
  /// Sample precision P, 2...16 bits.
  var precision: Int
  /// Number of lines Y; 0 means a DNL marker defines it later.
  var lines: Int
  var samplesPerLine: Int
  /// Component identifiers Ci, in frame order (the order samples are interleaved in).
  var componentIdentifiers: [UInt8]
}

/// The header of one scan (SOS, T.81 B.2.3) as lossless mode reads it.
struct LosslessScanHeader: Sendable, Equatable {
  /// Index into the frame's components of each scan component, in scan order.
  var frameComponents: [Int]
  /// DC Huffman table destination (0...3) of each scan component.
  var tableSelectors: [Int]
  /// Predictor selection value 1...7 (Ss, T.81 Table H.1).
  var predictor: Int
  /// Point transform Pt (Al).
  var pointTransform: Int
}

/// The body of one marker segment, with bounds-checked big-endian reads.
struct JPEGMarkerSegment {
  let stream: UnsafeBufferPointer<UInt8>
  let marker: UInt8
  /// Offset of the marker's FF, for messages.
  let markerOffset: Int
  /// First byte after the length field.
  let bodyStart: Int
  let bodyEnd: Int

  /// Reads the length field after the marker at `markerOffset`.
  init(stream: UnsafeBufferPointer<UInt8>, markerAt markerOffset: Int) throws(CodecError) {
    self.stream = stream
    self.markerOffset = markerOffset
    marker = stream[markerOffset + 1]
    let lengthAt = markerOffset + 2
    guard lengthAt + 2 <= stream.count else {
      throw CodecError(
        "JPEG marker FF\(twoDigitHex(marker)) at byte offset \(markerOffset) is cut off before its"
          + " length field")
    }
    let length = Int(stream[lengthAt]) << 8 | Int(stream[lengthAt + 1])
    guard length >= 2, lengthAt + length <= stream.count else {
      throw CodecError(
        "JPEG marker FF\(twoDigitHex(marker)) at byte offset \(markerOffset) has length \(length),"
          + " which runs past the end of the data (\(stream.count) bytes)")
    }
    bodyStart = lengthAt + 2
    bodyEnd = lengthAt + length
  }

  var bodyLength: Int { bodyEnd - bodyStart }

  func byte(_ index: Int) throws(CodecError) -> Int {
    guard index >= 0, bodyStart + index < bodyEnd else {
      throw CodecError(
        "JPEG marker FF\(twoDigitHex(marker)) segment at byte offset \(markerOffset) is too short"
          + " (\(bodyLength) bytes after its length field)")
    }
    return Int(stream[bodyStart + index])
  }

  func uint16(_ index: Int) throws(CodecError) -> Int {
    try byte(index) << 8 | byte(index + 1)
  }

  /// Parses SOF3.
  func losslessFrameHeader() throws(CodecError) -> LosslessFrameHeader {
    let precision = try byte(0)
    let lines = try uint16(1)
    let samplesPerLine = try uint16(3)
    let componentCount = try byte(5)
    guard (2...16).contains(precision) else {
      throw CodecError(
        "JPEG lossless frame (SOF3 at byte offset \(markerOffset)) has sample precision"
          + " \(precision); lossless JPEG allows 2 to 16 bits")
    }
    guard samplesPerLine > 0, componentCount > 0 else {
      throw CodecError(
        "JPEG lossless frame (SOF3 at byte offset \(markerOffset)) has \(samplesPerLine)"
          + " samples per line and \(componentCount) components")
    }
    var identifiers: [UInt8] = []
    for component in 0..<componentCount {
      let identifier = try byte(6 + component * 3)
      let sampling = try byte(7 + component * 3)
      // Subsampled lossless frames are legal but unseen in DICOM; refuse them plainly.
      guard sampling == 0x11 else {
        throw CodecError(
          "JPEG lossless component \(identifier) has sampling factors \(sampling >> 4)x"
            + "\(sampling & 0x0F); only 1x1 is supported")
      }
      guard !identifiers.contains(UInt8(identifier)) else {
        throw CodecError(
          "JPEG lossless frame (SOF3 at byte offset \(markerOffset)) lists component"
            + " \(identifier) twice")
      }
      identifiers.append(UInt8(identifier))
    }
    return LosslessFrameHeader(
      precision: precision, lines: lines, samplesPerLine: samplesPerLine,
      componentIdentifiers: identifiers)
  }

  /// Parses DHT, returning the DC tables it defines by destination; AC tables are ignored.
  func huffmanTables() throws(CodecError) -> [(destination: Int, table: LosslessHuffmanTable)] {
    var tables: [(destination: Int, table: LosslessHuffmanTable)] = []
    var index = 0
    while index < bodyLength {
      let classAndDestination = try byte(index)
      let tableClass = classAndDestination >> 4
      let destination = classAndDestination & 0x0F
      guard tableClass <= 1, destination <= 3 else {
        throw CodecError(
          "JPEG Huffman table (DHT at byte offset \(markerOffset)) has class \(tableClass)"
            + " destination \(destination); classes are 0-1 and destinations 0-3")
      }
      var counts: [Int] = []
      for length in 0..<16 { counts.append(try byte(index + 1 + length)) }
      let valueCount = counts.reduce(0, +)
      guard valueCount <= 256 else {
        throw CodecError(
          "JPEG Huffman table (DHT at byte offset \(markerOffset)) declares \(valueCount)"
            + " codes; at most 256 are possible")
      }
      var values: [UInt8] = []
      for value in 0..<valueCount { values.append(UInt8(try byte(index + 17 + value))) }
      if tableClass == 0 {
        do {
          let table = try LosslessHuffmanTable(codeCounts: counts, values: values)
          tables.append((destination, table))
        } catch {
          throw CodecError(
            "JPEG Huffman table (DHT at byte offset \(markerOffset)) destination"
              + " \(destination): \(error.message)")
        }
      }
      index += 17 + valueCount
    }
    return tables
  }

  /// Parses SOS against the frame it belongs to.
  func losslessScanHeader(frame: LosslessFrameHeader) throws(CodecError) -> LosslessScanHeader {
    let componentCount = try byte(0)
    guard (1...4).contains(componentCount) else {
      throw CodecError(
        "JPEG scan (SOS at byte offset \(markerOffset)) has \(componentCount) components;"
          + " a scan has 1 to 4")
    }
    var frameComponents: [Int] = []
    var tableSelectors: [Int] = []
    for component in 0..<componentCount {
      let identifier = try byte(1 + component * 2)
      let selectors = try byte(2 + component * 2)
      guard let index = frame.componentIdentifiers.firstIndex(of: UInt8(identifier)) else {
        throw CodecError(
          "JPEG scan (SOS at byte offset \(markerOffset)) names component \(identifier),"
            + " which the frame header does not define")
      }
      guard !frameComponents.contains(index) else {
        throw CodecError(
          "JPEG scan (SOS at byte offset \(markerOffset)) names component \(identifier) twice")
      }
      frameComponents.append(index)
      tableSelectors.append(selectors >> 4)
    }
    let parameters = 1 + componentCount * 2
    let predictor = try byte(parameters)
    let pointTransform = try byte(parameters + 2) & 0x0F
    guard (1...7).contains(predictor) else {
      throw CodecError(
        "JPEG lossless scan (SOS at byte offset \(markerOffset)) has predictor selection"
          + " value \(predictor); lossless prediction uses 1 to 7")
    }
    guard pointTransform < frame.precision else {
      throw CodecError(
        "JPEG lossless scan (SOS at byte offset \(markerOffset)) has point transform"
          + " \(pointTransform), not below the precision \(frame.precision)")
    }
    return LosslessScanHeader(
      frameComponents: frameComponents, tableSelectors: tableSelectors, predictor: predictor,
      pointTransform: pointTransform)
  }

  /// Parses DRI: the restart interval in MCUs, 0 for none.
  func restartInterval() throws(CodecError) -> Int {
    try uint16(0)
  }
}
