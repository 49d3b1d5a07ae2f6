/// A DICOM Value Representation (PS3.5 section 6.2).
public enum VR: String, Sendable, CaseIterable {
  case AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS,
    ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV

  /// Explicit VR encodings with 2 reserved bytes and a 32-bit length (PS3.5 7.1.2).
  public var hasLongExplicitLength: Bool {
    switch self {
    case .OB, .OD, .OF, .OL, .OV, .OW, .SQ, .SV, .UC, .UN, .UR, .UT, .UV: true
    default: false
    }
  }

  /// Text VRs whose values are affected by Specific Character Set.
  public var isCharacterSetDependent: Bool {
    switch self {
    case .SH, .LO, .ST, .LT, .UC, .UT, .PN: true
    default: false
    }
  }

  /// The VR for two raw bytes, if they name one.
  public init?(bytes first: UInt8, _ second: UInt8) {
    guard (65...90).contains(first), (65...90).contains(second) else { return nil }
    self.init(rawValue: String(decoding: [first, second], as: UTF8.self))
  }
}
