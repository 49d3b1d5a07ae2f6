import DICOM
import Foundation

/// Instance summaries for made-up series: no files, no patients, exact geometry.
enum Synthetic {
  static let seriesUID = "2.25.1001"
  static let studyUID = "2.25.1000"

  static let axial = ImageOrientation(values: [1, 0, 0, 0, 1, 0])!
  static let coronal = ImageOrientation(values: [1, 0, 0, 0, 0, -1])!
  static let sagittal = ImageOrientation(values: [0, 1, 0, 0, 0, -1])!

  /// One single-frame CT-like slice.
  static func slice(
    _ instanceNumber: Int?, z: Double?, orientation: ImageOrientation? = axial,
    series: String = seriesUID
  ) -> InstanceSummary {
    InstanceSummary(
      fileReference: "slice-\(instanceNumber.map(String.init) ?? "x")-\(z.map { "\($0)" } ?? "x")",
      sopClassUID: "1.2.840.10008.5.1.4.1.1.2",
      sopInstanceUID: "2.25.2\(instanceNumber ?? 0)\(Int((z ?? 0) * 100).magnitude)",
      studyInstanceUID: studyUID, seriesInstanceUID: series, patientID: "SYNTHETIC",
      modality: "CT", seriesNumber: 3, instanceNumber: instanceNumber, rows: 64, columns: 64,
      samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2",
      imageOrientation: orientation, imagePosition: z.map { PatientVector(-100, -100, $0) },
      pixelSpacing: [0.5, 0.5], sliceThickness: 2.5, imageType: ["ORIGINAL", "PRIMARY", "AXIAL"],
      acquisitionNumber: 1)
  }

  /// An axial stack at `0, spacing, 2·spacing, ...` with instance numbers 1...count.
  static func axialStack(count: Int, spacing: Double = 2.5) -> [InstanceSummary] {
    (0..<count).map { slice($0 + 1, z: Double($0) * spacing) }
  }
}

/// A deterministic shuffle, so a failing order can be reproduced.
func shuffled<T>(_ values: [T], seed: UInt64) -> [T] {
  var state = seed
  var result = values
  for index in result.indices.reversed() where index > 0 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    let other = Int((state >> 33) % UInt64(index + 1))
    result.swapAt(index, other)
  }
  return result
}

extension AssembledSeries {
  var distances: [Double] { frames.compactMap(\.distance) }
  var instanceNumbers: [Int] { frames.compactMap(\.instanceNumber) }
}

func isClose(_ a: Double?, _ b: Double, within tolerance: Double = 1e-6) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tolerance
}
