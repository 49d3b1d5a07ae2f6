/// Why a file could not be read: what is wrong and where, so a person can act on it.
public struct DICOMError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The broad class of problem, for callers that react differently to each.
  public enum Kind: Sendable, Equatable {
    case notDICOM
    case truncated
    case malformed
    case unsupportedTransferSyntax
    case missingAttribute
    case invalidPixelData
    case codec
  }

  public var kind: Kind
  public var message: String
  /// Byte offset in the file (or in the inflated stream of a deflated file) where it went wrong.
  public var offset: Int?
  public var tag: Tag?

  public init(_ kind: Kind, _ message: String, offset: Int? = nil, tag: Tag? = nil) {
    self.kind = kind
    self.message = message
    self.offset = offset
    self.tag = tag
  }

  public var description: String {
    var context: [String] = []
    if let offset { context.append("at byte \(offset)") }
    if let tag { context.append("element \(tag)") }
    return context.isEmpty ? message : "\(message) (\(context.joined(separator: ", ")))"
  }
}

/// Something the reader tolerated, as pydicom would, but a careful user may want to know.
public struct ParseWarning: Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var offset: Int?
  public var tag: Tag?

  public init(_ message: String, offset: Int? = nil, tag: Tag? = nil) {
    self.message = message
    self.offset = offset
    self.tag = tag
  }

  public var description: String {
    DICOMError(.malformed, message, offset: offset, tag: tag).description
  }
}
