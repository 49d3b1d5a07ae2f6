import Foundation

extension DataSet {
  /// Every value of a text element, split on backslash and trimmed as PS3.5 6.2 allows.
  public func values(of element: DataElement) -> [String] {
    guard element.vr != .SQ, !element.valueRange.isEmpty else { return [] }
    switch element.vr {
    case .AE, .AS, .CS, .DA, .DS, .DT, .IS, .LO, .PN, .SH, .TM, .UC, .UI:
      let text = decodedText(of: element)
      return text.split(separator: "\\", omittingEmptySubsequences: false).map {
        trimmed(String($0), vr: element.vr)
      }
    case .LT, .ST, .UT, .UR:
      return [trimmed(decodedText(of: element), vr: element.vr)]
    case .US, .SS, .UL, .SL, .FL, .FD, .SV, .UV, .AT:
      return numericValues(of: element).map(\.description)
    default:
      return []
    }
  }

  public func strings(_ tag: Tag) -> [String] { self[tag].map(values(of:)) ?? [] }

  /// The first value of a text or numeric element, nil when absent or empty.
  public func string(_ tag: Tag) -> String? {
    guard let first = strings(tag).first, !first.isEmpty else { return nil }
    return first
  }

  /// Integer values of US, SS, UL, SL, SV, UV, IS (and lenient DS) elements.
  public func ints(_ tag: Tag) -> [Int] {
    guard let element = self[tag] else { return [] }
    switch element.vr {
    case .IS, .DS, .CS, .LO, .SH, .UN:
      return values(of: element).compactMap { text in
        Int(text) ?? Double(text).flatMap { $0.isFinite ? Int(exactly: $0.rounded()) : nil }
      }
    default:
      return numericValues(of: element).compactMap(\.intValue)
    }
  }

  public func int(_ tag: Tag) -> Int? { ints(tag).first }

  /// Floating-point values of DS, IS, FL, FD and integer-binary elements.
  public func doubles(_ tag: Tag) -> [Double] {
    guard let element = self[tag] else { return [] }
    switch element.vr {
    case .DS, .IS, .CS, .LO, .SH:
      return values(of: element).compactMap { Double($0) }
    default:
      return numericValues(of: element).map(\.doubleValue)
    }
  }

  public func double(_ tag: Tag) -> Double? { doubles(tag).first }

  public func sequence(_ tag: Tag) -> [DataSet]? { self[tag]?.items }

  /// 16-bit words of an OW, US or SS element in the data set's byte order (LUT data, palettes).
  public func uint16s(_ tag: Tag) -> [UInt16]? {
    guard let element = self[tag] else { return nil }
    let little = isLittleEndian
    return withValueBytes(of: element) { raw in
      (0..<raw.count / 2).map { index in
        let value = raw.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)
        return little ? UInt16(littleEndian: value) : UInt16(bigEndian: value)
      }
    }
  }

  /// Binary numeric values of an element, typed by its VR.
  public func numericValues(of element: DataElement) -> [NumericValue] {
    let little = isLittleEndian
    return withValueBytes(of: element) { raw in
      func read<T: FixedWidthInteger>(_ type: T.Type) -> [T] {
        let size = MemoryLayout<T>.size
        return (0..<raw.count / size).map { index in
          let value = raw.loadUnaligned(fromByteOffset: index * size, as: T.self)
          return little ? T(littleEndian: value) : T(bigEndian: value)
        }
      }
      switch element.vr {
      case .US: return read(UInt16.self).map { .unsigned(UInt64($0)) }
      case .UL: return read(UInt32.self).map { .unsigned(UInt64($0)) }
      case .UV: return read(UInt64.self).map { .unsigned($0) }
      case .SS: return read(Int16.self).map { .signed(Int64($0)) }
      case .SL: return read(Int32.self).map { .signed(Int64($0)) }
      case .SV: return read(Int64.self).map { .signed($0) }
      case .FL: return read(UInt32.self).map { .float(Double(Float(bitPattern: $0))) }
      case .FD: return read(UInt64.self).map { .float(Double(bitPattern: $0)) }
      case .AT:
        let halves = read(UInt16.self)
        return stride(from: 0, to: halves.count - 1, by: 2).map {
          .tag(Tag(group: halves[$0], element: halves[$0 + 1]))
        }
      default: return []
      }
    }
  }

  private func decodedText(of element: DataElement) -> String {
    withValueBytes(of: element) { raw in
      element.vr.isCharacterSetDependent
        ? characterSet.decode(raw) : SpecificCharacterSet.defaultRepertoire.decode(raw)
    }
  }

  private func trimmed(_ text: String, vr: VR) -> String {
    switch vr {
    case .UI:
      return String(text.prefix { $0 != "\0" }).trimmingCharacters(in: .whitespaces)
    case .LT, .ST, .UT, .UR:
      return String(text.reversed().drop { $0 == " " || $0 == "\0" }.reversed())
    default:
      return text.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
    }
  }
}

/// A binary numeric value, kept exact until the caller chooses a type.
public enum NumericValue: Sendable, Equatable, CustomStringConvertible {
  case unsigned(UInt64)
  case signed(Int64)
  case float(Double)
  case tag(Tag)

  public var intValue: Int? {
    switch self {
    case .unsigned(let value): Int(exactly: value)
    case .signed(let value): Int(exactly: value)
    case .float(let value): value.isFinite ? Int(exactly: value.rounded()) : nil
    case .tag(let tag): Int(tag.rawValue)
    }
  }

  public var doubleValue: Double {
    switch self {
    case .unsigned(let value): Double(value)
    case .signed(let value): Double(value)
    case .float(let value): value
    case .tag(let tag): Double(tag.rawValue)
    }
  }

  public var description: String {
    switch self {
    case .unsigned(let value): String(value)
    case .signed(let value): String(value)
    case .float(let value): String(value)
    case .tag(let tag): tag.description
    }
  }
}
