import DICOM
import Deidentification
import Foundation

/// Synthetic data sets and the write-then-read round trip the tests share.
enum TestData {
  static let ctImageStorage = "1.2.840.10008.5.1.4.1.1.2"
  static let key = makeKey(seed: 1)
  static let otherKey = makeKey(seed: 2)

  static func makeKey(seed: UInt8) -> DeidentificationKey {
    // Thirty-two bytes is the only length the key accepts, so this cannot throw.
    (try? DeidentificationKey(bytes: (0..<32).map { UInt8($0) &+ seed }))!
  }

  /// A small CT-like data set of one patient; `instance` varies the SOP Instance UID.
  static func patient(
    id: String = "PAT-001", name: String = "Doe^Jane", studyDate: String = "20240315",
    instance: Int = 1
  ) -> WritableDataSet {
    var dataSet = WritableDataSet()
    dataSet.set(.specificCharacterSet, .CS, "ISO_IR 100")
    dataSet.set(.sopClassUID, .UI, ctImageStorage)
    dataSet.set(.sopInstanceUID, .UI, "1.2.3.4.5.6.7.\(instance)")
    dataSet.set(.modality, .CS, "CT")
    dataSet.set(.manufacturer, .LO, "ACME Medical")
    dataSet.set(.patientName, .PN, name)
    dataSet.set(.patientID, .LO, id)
    dataSet.set(Tag(0x0010_0030), .DA, "19700101")
    dataSet.set(Tag(0x0008_0020), .DA, studyDate)
    dataSet.set(Tag(0x0008_0030), .TM, "101500")
    dataSet.set(.studyInstanceUID, .UI, "1.2.3.4.5.6")
    dataSet.set(.seriesInstanceUID, .UI, "1.2.3.4.5.6.7")
    dataSet.set(Tag(0x0020_0052), .UI, "1.2.3.4.5.99")
    return dataSet
  }

  /// Writes `dataSet` as Part 10 and parses it back, as a file from disk would arrive.
  static func roundTrip(_ dataSet: WritableDataSet) throws -> DataSet {
    let uid = { (tag: Tag) in
      dataSet[tag].flatMap { element -> String? in
        guard case .bytes(let bytes) = element.value else { return nil }
        return String(decoding: bytes, as: UTF8.self)
      }
    }
    let bytes = try DICOMWriter.part10(
      dataSet, sopClassUID: uid(.sopClassUID) ?? ctImageStorage,
      sopInstanceUID: uid(.sopInstanceUID) ?? "1.2.3")
    return try DICOMFile(bytes: bytes).dataSet
  }

  /// De-identifies the round-tripped `dataSet` and parses the written result.
  static func deidentifiedFile(
    _ dataSet: WritableDataSet, key: DeidentificationKey = key,
    options: DeidentificationOptions = .init(), redactions: [RedactionRectangle] = []
  ) throws -> DICOMFile {
    let result = try Deidentifier(key: key, options: options).deidentify(
      try roundTrip(dataSet), redactions: redactions)
    return try DICOMFile(bytes: try result.part10())
  }
}
