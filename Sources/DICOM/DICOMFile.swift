import Foundation

/// A parsed DICOM file: the optional preamble, the File Meta Information and the data set.
public struct DICOMFile: Sendable {
  /// Choices for how much of the file to read.
  public struct ReadOptions: Sendable {
    /// Stop at the first pixel data element of the top-level data set (indexing, header dumps).
    public var stopBeforePixelData: Bool

    public init(stopBeforePixelData: Bool = false) {
      self.stopBeforePixelData = stopBeforePixelData
    }
  }

  public let hasPreamble: Bool
  /// Group 0002, empty when the file has none.
  public let meta: DataSet
  public let dataSet: DataSet
  public let transferSyntax: TransferSyntax
  /// Deviations tolerated while reading, as pydicom tolerates them.
  public let warnings: [ParseWarning]
  /// True when the data set holds pixel data, or when a `stopBeforePixelData` read stopped at it.
  public let hasPixelData: Bool

  /// Parses a whole file's bytes (read into memory or mapped).
  public init(bytes: Data, options: ReadOptions = ReadOptions()) throws {
    let bytes = bytes.startIndex == 0 ? bytes : Data(bytes)
    guard !bytes.isEmpty else {
      throw DICOMError(.notDICOM, "the file is empty (0 bytes)", offset: 0)
    }
    let layout = try bytes.withUnsafeBytes { raw in try FileLayout(raw) }
    hasPreamble = layout.hasPreamble

    var reader = DataSetReader(storage: bytes, options: options)
    var metaEnd = layout.metaStart
    if layout.hasMeta {
      let (meta, end) = try reader.read(
        from: layout.metaStart, to: bytes.count, encoding: .explicitLittle,
        charset: .defaultRepertoire,
        context: .fileMeta)
      self.meta = meta
      metaEnd = end
    } else {
      self.meta = DataSet(
        storage: bytes, isLittleEndian: true, characterSet: .defaultRepertoire, elements: [])
    }

    let syntaxUID = meta.string(.transferSyntaxUID)
    var syntax: TransferSyntax
    if let syntaxUID {
      syntax = TransferSyntax.named(syntaxUID)
    } else {
      syntax = bytes.withUnsafeBytes { DataSetReader.guessEncoding($0, at: metaEnd) }
      if layout.hasMeta {
        reader.warn(
          "the File Meta Information has no Transfer Syntax UID; guessed \(syntax.name)",
          offset: metaEnd)
      }
    }

    if syntax.isDeflated {
      let inflated = try Inflate.raw(bytes, from: metaEnd)
      var inner = DataSetReader(storage: inflated, options: options)
      (dataSet, _) = try inner.read(
        from: 0, to: inflated.count, encoding: .explicitLittle, charset: .defaultRepertoire,
        context: .topLevel)
      warnings = reader.warnings + inner.warnings
      hasPixelData = inner.stoppedAtPixelData || Self.containsPixelData(dataSet)
    } else {
      let encoding = DataSetReader.Encoding(
        explicit: syntax.isExplicitVR, little: syntax.isLittleEndian)
      (dataSet, _) = try reader.read(
        from: metaEnd, to: bytes.count, encoding: encoding, charset: .defaultRepertoire,
        context: .topLevel)
      warnings = reader.warnings
      hasPixelData = reader.stoppedAtPixelData || Self.containsPixelData(dataSet)
    }
    transferSyntax = syntax
  }

  private static func containsPixelData(_ dataSet: DataSet) -> Bool {
    [Tag.pixelData, .floatPixelData, .doubleFloatPixelData].contains { dataSet[$0] != nil }
  }
}

/// Where the preamble, meta group and data set start.
private struct FileLayout {
  var hasPreamble: Bool
  var hasMeta: Bool
  var metaStart: Int

  init(_ raw: UnsafeRawBufferPointer) throws {
    let dicm: [UInt8] = Array("DICM".utf8)
    if raw.count >= 132, Array(raw[128..<132]) == dicm {
      hasPreamble = true
      hasMeta = true
      metaStart = 132
      return
    }
    hasPreamble = false
    if raw.count >= 4, Array(raw[0..<4]) == dicm {
      hasMeta = true
      metaStart = 4
      return
    }
    guard raw.count >= 8 else {
      throw DICOMError(
        .notDICOM, "not a DICOM file: only \(raw.count) bytes and no 'DICM' marker", offset: 0)
    }
    let groupLE = UInt16(raw[0]) | UInt16(raw[1]) << 8
    let groupBE = UInt16(raw[1]) | UInt16(raw[0]) << 8
    if groupLE == 0x0002 {
      hasMeta = true
      metaStart = 0
      return
    }
    // A bare data set (no preamble, no meta) starts with a low group, usually 0008.
    guard groupLE <= 0x0028 || groupBE <= 0x0028 else {
      throw DICOMError(
        .notDICOM,
        "not a DICOM file: no 'DICM' marker at byte 128 and the first bytes are not a data element",
        offset: 0)
    }
    hasMeta = false
    metaStart = 0
  }
}
