import DICOM

/// The made-up patient and study attributes shared by a synthetic series (no PHI).
struct SyntheticPatient: Sendable {
  var name: String
  var id: String
  var studyDescription: String
  var studyKey: String

  static let studyDate = "20260101"
  static let studyTime = "090000"

  var studyInstanceUID: String { DeterministicUID.make("annotty-sample/\(studyKey)/study") }

  /// Patient, General Study and General Equipment attributes.
  func write(into dataSet: inout WritableDataSet) {
    dataSet.set(.specificCharacterSet, .CS, "ISO_IR 192")
    dataSet.set(.studyDate, .DA, Self.studyDate)
    dataSet.set(.seriesDate, .DA, Self.studyDate)
    dataSet.set(.contentDate, .DA, Self.studyDate)
    dataSet.set(.studyTime, .TM, Self.studyTime)
    dataSet.set(.seriesTime, .TM, Self.studyTime)
    dataSet.set(.contentTime, .TM, Self.studyTime)
    dataSet.set(.accessionNumber, .SH, "")
    dataSet.set(.referringPhysicianName, .PN, "")
    dataSet.set(.manufacturer, .LO, "annotty")
    dataSet.set(.manufacturerModelName, .LO, "Synthetic phantom")
    dataSet.set(.studyDescription, .LO, studyDescription)
    dataSet.set(.patientName, .PN, name)
    dataSet.set(.patientID, .LO, id)
    dataSet.set(.patientBirthDate, .DA, "")
    dataSet.set(.patientSex, .CS, "O")
    dataSet.set(.studyInstanceUID, .UI, studyInstanceUID)
    dataSet.set(.studyID, .SH, "1")
  }
}
