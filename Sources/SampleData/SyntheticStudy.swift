import DICOM
import Foundation

/// The sample data `annotty sample` writes: a CT head series and an Enhanced MR, no PHI,
/// byte-identical on every run.
public enum SyntheticStudy {
  /// Every file of the sample, with paths relative to the output folder.
  public static func files() throws -> [(relativePath: String, bytes: Data)] {
    let ct = try CTHeadSeries().files(folder: "PHANTOM-0001/CT_HEAD")
    let mr = try EnhancedMRSeries().file(folder: "PHANTOM-0002/MR_T2_ENHANCED")
    return ct + [mr]
  }
}
