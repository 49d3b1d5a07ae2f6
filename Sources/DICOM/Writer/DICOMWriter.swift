import Foundation

/// Writes data sets as DICOM Part 10 files (PS3.10 7.1) in a little-endian transfer syntax.
public enum DICOMWriter {
  /// Identifies annotty as the writer of a file (a UUID-derived UID, PS3.5 B.2).
  public static let implementationClassUID = "2.25.190152470917337461236375325839410238961"
  public static let implementationVersionName = "ANNOTTY_1"

  /// The transfer syntaxes this writer can encode.
  public static let supportedTransferSyntaxes: [TransferSyntax] = [
    .explicitVRLittleEndian, .implicitVRLittleEndian,
  ]

  /// A complete Part 10 file: preamble, "DICM", File Meta Information, then the data set.
  ///
  /// SOP Class and SOP Instance UIDs are also set in the data set, so meta and data set agree.
  public static func part10(
    _ dataSet: WritableDataSet, sopClassUID: String, sopInstanceUID: String,
    transferSyntax: TransferSyntax = .explicitVRLittleEndian
  ) throws(DICOMWriteError) -> Data {
    guard supportedTransferSyntaxes.contains(transferSyntax) else {
      throw DICOMWriteError(
        "cannot write \(transferSyntax.name): the writer supports "
          + supportedTransferSyntaxes.map(\.name).joined(separator: " and "))
    }
    if let metaElement = dataSet.elements.first(where: { $0.tag.group == 0x0002 }) {
      throw DICOMWriteError(
        "group 0002 belongs to the File Meta Information, which the writer builds itself",
        path: [metaElement.tag])
    }
    var body = dataSet
    body.set(.sopClassUID, .UI, sopClassUID)
    body.set(.sopInstanceUID, .UI, sopInstanceUID)

    var meta = WritableDataSet()
    meta.set(Tag(0x0002_0001), .OB, bytes: [0x00, 0x01])
    meta.set(.mediaStorageSOPClassUID, .UI, sopClassUID)
    meta.set(.mediaStorageSOPInstanceUID, .UI, sopInstanceUID)
    meta.set(.transferSyntaxUID, .UI, transferSyntax.uid)
    meta.set(Tag(0x0002_0012), .UI, implementationClassUID)
    meta.set(Tag(0x0002_0013), .SH, implementationVersionName)

    var metaEncoder = ElementEncoder(explicitVR: true)
    try metaEncoder.encode(meta)
    var groupLength = WritableDataSet()
    groupLength.setUInt32(.fileMetaInformationGroupLength, [UInt32(metaEncoder.bytes.count)])
    var groupLengthEncoder = ElementEncoder(explicitVR: true)
    try groupLengthEncoder.encode(groupLength)

    var bodyEncoder = ElementEncoder(explicitVR: transferSyntax.isExplicitVR)
    try bodyEncoder.encode(body)

    var file = Data(
      capacity: 132 + groupLengthEncoder.bytes.count + metaEncoder.bytes.count
        + bodyEncoder.bytes.count)
    file.append(contentsOf: [UInt8](repeating: 0, count: 128))
    file.append(contentsOf: Array("DICM".utf8))
    file.append(contentsOf: groupLengthEncoder.bytes)
    file.append(contentsOf: metaEncoder.bytes)
    file.append(contentsOf: bodyEncoder.bytes)
    return file
  }

  /// The data set alone, encoded in `transferSyntax` (no preamble, no meta group).
  public static func encodeDataSet(
    _ dataSet: WritableDataSet, transferSyntax: TransferSyntax = .explicitVRLittleEndian
  ) throws(DICOMWriteError) -> Data {
    guard supportedTransferSyntaxes.contains(transferSyntax) else {
      throw DICOMWriteError("cannot write \(transferSyntax.name)")
    }
    var encoder = ElementEncoder(explicitVR: transferSyntax.isExplicitVR)
    try encoder.encode(dataSet)
    return Data(encoder.bytes)
  }
}
