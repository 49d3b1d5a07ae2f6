/// The value of one attribute on an annotation; JSON form is a bare string, number or boolean.
public enum AttributeValue: Sendable, Hashable, Codable, CustomStringConvertible {
  /// For `choice` and `text` attributes.
  case text(String)
  case number(Double)
  case boolean(Bool)

  /// How the value's type is named in messages.
  public var typeName: String {
    switch self {
    case .text: return "text"
    case .number: return "number"
    case .boolean: return "boolean"
    }
  }

  public var description: String {
    switch self {
    case .text(let text): return "\"\(text)\""
    case .number(let number): return "\(number)"
    case .boolean(let flag): return "\(flag)"
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    // Bool first: some decoders read JSON true as the number 1.
    if let flag = try? container.decode(Bool.self) {
      self = .boolean(flag)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let text = try? container.decode(String.self) {
      self = .text(text)
    } else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "an attribute value is a string, number or boolean")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .text(let text): try container.encode(text)
    case .number(let number): try container.encode(number)
    case .boolean(let flag): try container.encode(flag)
    }
  }
}
