import DICOM
import Foundation

/// Applies the PS3.15 Basic Application Level Confidentiality Profile with a project key.
///
/// Pure: a parsed data set in, a writable data set out. The same key gives the same UIDs,
/// pseudonyms and date offsets in every run, so files de-identified apart still refer to each
/// other.
public struct Deidentifier: Sendable {
  public var key: DeidentificationKey
  public var options: DeidentificationOptions

  public init(key: DeidentificationKey, options: DeidentificationOptions = .init()) {
    self.key = key
    self.options = options
  }

  /// The de-identified copy of `dataSet`, with native pixels blanked inside `redactions`.
  ///
  /// - Parameters:
  ///   - nativePixels: decoded pixels to write instead of the file's pixel data, with their
  ///     layout; required when the file's pixel data is compressed.
  ///   - redactions: rectangles to blank in every frame; Burned In Annotation becomes NO only
  ///     when there are some.
  /// - Throws: `DeidentificationError` for input that cannot be cleaned completely.
  public func deidentify(
    _ dataSet: DataSet, nativePixels: NativePixels? = nil, redactions: [RedactionRectangle] = []
  ) throws(DeidentificationError) -> DeidentifiedDataSet {
    guard let sopClassUID = dataSet.string(.sopClassUID) else {
      throw DeidentificationError("the data set has no SOP Class UID", path: [.sopClassUID])
    }
    guard let sopInstanceUID = dataSet.string(.sopInstanceUID) else {
      throw DeidentificationError("the data set has no SOP Instance UID", path: [.sopInstanceUID])
    }
    let patientKey = Self.patientKey(of: dataSet)
    var cleaner = DataSetCleaner(
      key: key, options: options, patientKey: patientKey,
      dayOffset: key.dayOffset(forPatientID: patientKey))

    var source = dataSet
    if nativePixels != nil { source = Self.removingPixelData(source) }
    var output = try cleaner.clean(source, path: [], insideDummySequence: false)
    let report = cleaner.report

    if let nativePixels {
      nativePixels.describe(in: &output)
    }
    let pixelBytes = nativePixels?.bytes ?? Self.pixelBytes(of: output)
    if var pixels = pixelBytes, !redactions.isEmpty {
      let layout: PixelLayout
      if let nativePixels {
        layout = nativePixels.layout
      } else {
        layout = try PixelLayout(dataSet)
      }
      pixels = try Redactor.redact(pixels: pixels, layout: layout, rectangles: redactions)
      // Only now, with the pixels blanked, may the copy claim to carry no burned-in text.
      output.set(Tag(0x0028_0301), .CS, "NO")
      let vr = dataSet[.pixelData]?.vr == .OW || layout.bitsAllocated > 8 ? VR.OW : .OB
      output.set(.pixelData, vr, bytes: pixels)
    } else if pixelBytes == nil, !redactions.isEmpty {
      throw DeidentificationError("redaction asked for, but the data set has no pixel data")
    }

    DeidentificationMarkers.apply(
      to: &output, options: options, cleanedPixels: !redactions.isEmpty)
    // The cleaned element, not a fresh hash, so the meta group always agrees with the body.
    let newInstanceUID: String
    if case .bytes(let bytes) = output[.sopInstanceUID]?.value {
      newInstanceUID = String(decoding: bytes, as: UTF8.self)
    } else {
      newInstanceUID = key.replacementUID(for: sopInstanceUID)
    }
    return DeidentifiedDataSet(
      dataSet: output, sopClassUID: sopClassUID, sopInstanceUID: newInstanceUID, report: report)
  }

  /// What keys the pseudonym and date offset: the Patient ID, or the name when there is none,
  /// so patients without IDs do not all share one pseudonym.
  static func patientKey(of dataSet: DataSet) -> String {
    if let id = dataSet.string(.patientID) { return id }
    return dataSet.string(.patientName) ?? ""
  }

  private static func pixelBytes(of dataSet: WritableDataSet) -> [UInt8]? {
    guard case .bytes(let bytes) = dataSet[.pixelData]?.value else { return nil }
    return bytes
  }

  private static func removingPixelData(_ dataSet: DataSet) -> DataSet {
    DataSet(
      storage: dataSet.storage, isLittleEndian: dataSet.isLittleEndian,
      characterSet: dataSet.characterSet,
      elements: dataSet.elements.filter { $0.tag != .pixelData })
  }
}

/// A de-identified data set, the UIDs the writer needs for its meta group, and the report.
public struct DeidentifiedDataSet: Sendable {
  /// The cleaned elements, markers included; group 0002 is left to `DICOMWriter`.
  public var dataSet: WritableDataSet
  /// The SOP Class UID, never replaced.
  public var sopClassUID: String
  /// The replacement SOP Instance UID (also Media Storage SOP Instance UID in the meta group).
  public var sopInstanceUID: String
  public var report: DeidentificationReport

  /// The Part 10 bytes of the de-identified copy, explicit VR little endian.
  public func part10() throws(DICOMWriteError) -> Data {
    try DICOMWriter.part10(dataSet, sopClassUID: sopClassUID, sopInstanceUID: sopInstanceUID)
  }
}
