import DICOM

/// A small data set exercising every writer helper, with a tiny signed 16-bit image.
enum SampleWritableDataSets {
  static let sopClassUID = "1.2.840.10008.5.1.4.1.1.2"
  static let sopInstanceUID = "2.25.12345678"  // odd length: padded with NUL
  static let rows = 3
  static let columns = 5
  static let pixels: [Int16] = [-1024, -1000, 0, 1, 40, 70, 400, 1200, 3071, -2000, 5, 6, 7, 8, 9]

  static func imageDataSet() -> WritableDataSet {
    var dataSet = WritableDataSet()
    dataSet.set(.patientName, .PN, "Phantom^Test1")  // odd length: padded with a space
    dataSet.set(.patientID, .LO, "PHANTOM-0009")
    dataSet.set(.imageType, .CS, ["ORIGINAL", "PRIMARY", "AXIAL"])
    dataSet.set(.modality, .CS, "CT")
    dataSet.setDecimals(.windowCenter, [40, 75, 400])
    dataSet.setDecimals(.windowWidth, [80, 200, 1800])
    dataSet.set(.windowCenterWidthExplanation, .LO, ["BRAIN", "SUBDURAL", "BONE"])
    dataSet.setDecimals(.pixelSpacing, [0.45, 0.45])
    dataSet.setDecimals(.rescaleIntercept, [-1024])
    dataSet.setDecimals(.rescaleSlope, [1])
    dataSet.setIntegers(.instanceNumber, [7])
    dataSet.setUInt16(.samplesPerPixel, [1])
    dataSet.set(.photometricInterpretation, .CS, "MONOCHROME2")
    dataSet.setUInt16(.rows, [UInt16(rows)])
    dataSet.setUInt16(.columns, [UInt16(columns)])
    dataSet.setUInt16(.bitsAllocated, [16])
    dataSet.setUInt16(.bitsStored, [16])
    dataSet.setUInt16(.highBit, [15])
    dataSet.setUInt16(.pixelRepresentation, [1])
    dataSet.setInt16(.pixelPaddingValue, [-2000])
    dataSet.setWords(.pixelData, pixels.map { UInt16(bitPattern: $0) })
    // Deliberately out of tag order: the writer sorts.
    dataSet.set(.studyInstanceUID, .UI, "2.25.42")
    return dataSet
  }

  static let longText = String(repeating: "annotty-", count: 10_000) + "end"

  /// Every VR family the helpers cover, plus nested sequences.
  static func allHelpersDataSet() -> WritableDataSet {
    var dataSet = imageDataSet()
    dataSet.remove(.pixelData)
    dataSet.setUInt32(Tag(0x0028_9001), [123_456])  // Data Point Rows (UL)
    dataSet.setInt32(Tag(0x0018_6020), [-42])  // Reference Pixel X0 (SL)
    dataSet.setFloat(Tag(0x0010_9431), [1.5])  // Examined Body Thickness (FL)
    dataSet.setDouble(Tag(0x0018_9089), [0.25, -0.5, 1])  // Diffusion Gradient Orientation (FD)
    dataSet.setTags(Tag(0x0028_0009), [Tag(0x0018_1063)])  // Frame Increment Pointer
    dataSet.set(Tag(0x0040_A160), .UT, longText)  // longer than 65535: needs the 4-byte length
    dataSet.set(Tag(0x0009_0010), .LO, "ANNOTTY TEST")
    dataSet.set(Tag(0x0009_1001), .OB, bytes: [1, 2, 3])  // odd: padded with NUL
    var inner = WritableDataSet()
    inner.set(Tag(0x0008_0100), .SH, "T-A0100")
    inner.set(Tag(0x0008_0104), .LO, "Brain")
    var outer = WritableDataSet()
    outer.set(Tag(0x0008_0100), .SH, "OUTER")
    outer.setSequence(Tag(0x0008_2218), [inner, inner])
    var second = WritableDataSet()
    second.setDecimals(.imagePositionPatient, [-115.2, -115.2, -78.75])
    dataSet.setSequence(Tag(0x0040_0275), [outer, second])
    dataSet.setSequence(Tag(0x0040_0260), [])
    return dataSet
  }
}
