/// The labels and classification questions annotators may use, read from `labels.toml`.
public struct LabelSchema: Sendable, Equatable, Codable {
  public var labels: [LabelDefinition]
  public var questions: [ClassificationQuestion]

  public init(labels: [LabelDefinition], questions: [ClassificationQuestion]) {
    self.labels = labels
    self.questions = questions
  }

  /// The label called `name`, if the schema has one.
  public func label(named name: String) -> LabelDefinition? {
    labels.first { $0.name == name }
  }

  /// The label bound to `hotkey`, if any.
  public func label(forHotkey hotkey: String) -> LabelDefinition? {
    labels.first { $0.hotkey == hotkey }
  }

  /// The classification question with identifier `id`, if the schema has one.
  public func question(withID id: String) -> ClassificationQuestion? {
    questions.first { $0.id == id }
  }
}

/// What an annotation draws or states: a region (box, polygon) or a classification.
public enum AnnotationKind: String, Sendable, Codable, CaseIterable {
  case box
  case polygon
  case classification
}

/// How much of the data a target or classification question covers.
public enum AnnotationLevel: String, Sendable, Codable, CaseIterable {
  case study
  case series
  case image
}

/// An RGB display color written as `#rrggbb`.
public struct LabelColor: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// Parses `#rrggbb` (hex digits in either case); nil for anything else.
  public init?(hex: String) {
    let digits = Array(hex.utf8)
    guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
    var value: UInt32 = 0
    for digit in digits[1...] {
      let nibble: UInt8
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = digit - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = digit - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = digit - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(nibble)
    }
    self.init(red: UInt8(value >> 16), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
  }

  /// `#rrggbb` in lower case.
  public var description: String {
    let hex = Array("0123456789abcdef")
    var text = "#"
    for byte in [red, green, blue] {
      text.append(hex[Int(byte >> 4)])
      text.append(hex[Int(byte & 0xF)])
    }
    return text
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let color = LabelColor(hex: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "color \"\(text)\" is not #rrggbb")
    }
    self = color
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A label annotators draw or assign, such as "hemorrhage".
public struct LabelDefinition: Sendable, Equatable, Codable {
  public var name: String
  public var color: LabelColor
  /// One key that selects the label; unique across the schema's labels.
  public var hotkey: String?
  /// The kinds this label may be used with, in the order the file lists them.
  public var kinds: [AnnotationKind]
  public var attributes: [AttributeDefinition]
  public var description: String?

  public init(
    name: String, color: LabelColor, hotkey: String? = nil, kinds: [AnnotationKind],
    attributes: [AttributeDefinition] = [], description: String? = nil
  ) {
    self.name = name
    self.color = color
    self.hotkey = hotkey
    self.kinds = kinds
    self.attributes = attributes
    self.description = description
  }

  /// The attribute called `name`, if the label has one.
  public func attribute(named name: String) -> AttributeDefinition? {
    attributes.first { $0.name == name }
  }
}

/// A named property an annotation of a label may carry, such as a hemorrhage's subtype.
public struct AttributeDefinition: Sendable, Equatable, Codable {
  public var name: String
  public var type: AttributeType
  public var isRequired: Bool

  public init(name: String, type: AttributeType, isRequired: Bool = false) {
    self.name = name
    self.type = type
    self.isRequired = isRequired
  }
}

/// The values an attribute accepts.
public enum AttributeType: Sendable, Equatable, Codable {
  case choice([String])
  case boolean
  case number(minimum: Double?, maximum: Double?)
  case text

  /// The name used in `labels.toml` (`type = "..."`).
  public var name: String {
    switch self {
    case .choice: return "choice"
    case .boolean: return "boolean"
    case .number: return "number"
    case .text: return "text"
    }
  }
}

/// A question asked of a whole study, series or image, answered from fixed choices.
public struct ClassificationQuestion: Sendable, Equatable, Codable {
  public var id: String
  public var prompt: String
  public var level: AnnotationLevel
  public var choices: [ClassificationChoice]
  public var allowsMultipleAnswers: Bool

  public init(
    id: String, prompt: String, level: AnnotationLevel, choices: [ClassificationChoice],
    allowsMultipleAnswers: Bool = false
  ) {
    self.id = id
    self.prompt = prompt
    self.level = level
    self.choices = choices
    self.allowsMultipleAnswers = allowsMultipleAnswers
  }

  /// The choice called `name`, if the question offers it.
  public func choice(named name: String) -> ClassificationChoice? {
    choices.first { $0.name == name }
  }
}

/// One answer a classification question offers, optionally bound to a key.
public struct ClassificationChoice: Sendable, Equatable, Codable {
  public var name: String
  /// Unique within its question; questions are answered in their own mode, so a choice key may
  /// repeat a label hotkey.
  public var hotkey: String?

  public init(name: String, hotkey: String? = nil) {
    self.name = name
    self.hotkey = hotkey
  }
}
