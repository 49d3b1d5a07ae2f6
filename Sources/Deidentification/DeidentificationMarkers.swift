import DICOM

/// The attributes that say a data set was de-identified and how (PS3.15 E.1.1, CID 7050).
enum DeidentificationMarkers {
  static let patientIdentityRemoved = Tag(0x0012_0062)
  static let deidentificationMethod = Tag(0x0012_0063)
  static let deidentificationMethodCodeSequence = Tag(0x0012_0064)
  static let longitudinalTemporalInformationModified = Tag(0x0028_0303)

  /// The CID 7050 codes (scheme DCM) for the profile and the options applied.
  static func methodCodes(options: DeidentificationOptions, cleanedPixels: Bool) -> [(
    value: String, meaning: String
  )] {
    var codes = [("113100", "Basic Application Confidentiality Profile")]
    if cleanedPixels { codes.append(("113101", "Clean Pixel Data Option")) }
    if options.retainLongitudinalModifiedDates {
      codes.append(("113107", "Retain Longitudinal Temporal Information Modified Dates Option"))
    }
    return codes
  }

  static func apply(
    to dataSet: inout WritableDataSet, options: DeidentificationOptions, cleanedPixels: Bool
  ) {
    let codes = methodCodes(options: options, cleanedPixels: cleanedPixels)
    dataSet.set(patientIdentityRemoved, .CS, "YES")
    // LO allows 64 characters per value, so the method is one value per part.
    let method =
      ["DICOM PS3.15 \(BasicProfile.edition) Table E.1-1"]
      + codes.map { String($0.meaning.prefix(64)) }
    dataSet.set(deidentificationMethod, .LO, method)
    dataSet.setSequence(
      deidentificationMethodCodeSequence,
      codes.map { code in
        var item = WritableDataSet()
        item.set(Tag(0x0008_0100), .SH, code.value)
        item.set(Tag(0x0008_0102), .SH, "DCM")
        item.set(Tag(0x0008_0104), .LO, code.meaning)
        return item
      })
    dataSet.set(
      longitudinalTemporalInformationModified, .CS,
      options.retainLongitudinalModifiedDates ? "MODIFIED" : "REMOVED")
  }
}
