import Foundation

/// How text values are encoded, from (0008,0005) Specific Character Set (PS3.3 C.12.1.1.2).
public enum SpecificCharacterSet: Sendable, Equatable {
  /// The default repertoire (ISO_IR 6); decoded as Latin-1 so stray 8-bit bytes survive, as pydicom does.
  case defaultRepertoire
  /// ISO_IR 100, ISO 8859-1.
  case latin1
  /// ISO_IR 192, UTF-8.
  case utf8
  /// ISO_IR 101, ISO 8859-2.
  case latin2
  /// A term annotty does not decode yet; text is read as Latin-1 and the term kept for warnings.
  case unsupported(String)

  /// The character set a (0008,0005) value names; the first term decides for single-byte sets.
  public init(terms: [String]) {
    let cleaned = terms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard let first = cleaned.first else {
      self = .defaultRepertoire
      return
    }
    switch first {
    case "ISO_IR 6", "ISO 2022 IR 6":
      // A multi-term value that starts with the default repertoire switches by escape sequences;
      // Latin-1 extension terms are still readable byte for byte.
      if let second = cleaned.dropFirst().first {
        self = SpecificCharacterSet(terms: [second])
      } else {
        self = .defaultRepertoire
      }
    case "ISO_IR 100", "ISO 2022 IR 100": self = .latin1
    case "ISO_IR 192": self = .utf8
    case "ISO_IR 101", "ISO 2022 IR 101": self = .latin2
    default: self = .unsupported(first)
    }
  }

  /// Decodes text bytes; never fails (undecodable bytes become U+FFFD).
  public func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    switch self {
    case .utf8:
      return String(decoding: bytes, as: UTF8.self)
    case .latin2:
      if let text = String(data: Data(bytes), encoding: .isoLatin2) { return text }
      return Self.latin1String(bytes)
    case .defaultRepertoire, .latin1, .unsupported:
      return Self.latin1String(bytes)
    }
  }

  private static func latin1String<Bytes: Collection>(_ bytes: Bytes) -> String
  where Bytes.Element == UInt8 {
    if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    var scalars = String.UnicodeScalarView()
    for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
    return String(scalars)
  }
}
