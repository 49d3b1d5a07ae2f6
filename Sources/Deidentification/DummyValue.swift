import DICOM

/// The non-empty, VR-valid values that replace identifying ones under action D.
enum DummyValue {
  static let text = "ANONYMIZED"
  static let date = "19000101"
  static let time = "000000"

  /// A dummy for `vr`; nil for SQ, whose items are cleaned instead.
  static func bytes(for vr: VR) -> [UInt8]? {
    switch vr {
    case .SQ: return nil
    case .DA: return Array(date.utf8)
    case .DT: return Array((date + time).utf8)
    case .TM: return Array(time.utf8)
    case .AS: return Array("000Y".utf8)
    case .DS, .IS: return Array("0".utf8)
    case .UI: return Array("2.25.0".utf8)
    case .UR: return Array("urn:anonymized".utf8)
    case .AE, .CS, .LO, .LT, .PN, .SH, .ST, .UC, .UT: return Array(text.utf8)
    case .US, .SS, .OB, .OW, .UN, .AT: return [0, 0]
    case .UL, .SL, .FL, .OF, .OL: return [0, 0, 0, 0]
    case .FD, .OD, .SV, .UV, .OV: return [UInt8](repeating: 0, count: 8)
    }
  }
}
