import TOMLSupport

/// Turns a parsed `labels.toml` tree into a `LabelSchema`, collecting every problem with its line.
struct LabelSchemaReader {
  typealias Entries = [(key: String, value: TOMLTree)]

  let lineIndex: TOMLLineIndex
  var issues: [LabelSchemaIssue] = []

  init(lineIndex: TOMLLineIndex) {
    self.lineIndex = lineIndex
  }

  mutating func report(_ problem: LabelSchemaProblem, at path: String, context: String) {
    issues.append(
      LabelSchemaIssue(line: lineIndex.line(of: path), context: context, problem: problem))
  }

  // MARK: Document

  mutating func readSchema(_ root: TOMLTree) -> LabelSchema {
    guard case .table(let entries) = root else { return LabelSchema(labels: [], questions: []) }
    checkKeys(entries, allowed: ["version", "label", "question"], path: "", context: "")
    if let version = integer("version", in: entries, path: "", context: ""), version != 1 {
      report(.unsupportedVersion(version), at: "version", context: "")
    }
    let labels = tableArray("label", in: entries, path: "", context: "").map {
      readLabel($0.entries, path: $0.path, number: $0.number)
    }
    let questions = tableArray("question", in: entries, path: "", context: "").map {
      readQuestion($0.entries, path: $0.path, number: $0.number)
    }
    checkUniqueness(labels: labels, questions: questions)
    return LabelSchema(
      labels: labels.compactMap(\.definition), questions: questions.compactMap(\.question))
  }

  /// A label as far as it could be read: duplicates are reported even for invalid entries.
  struct LocatedLabel {
    var name: String?
    var hotkey: String?
    var definition: LabelDefinition?
    var path: String
  }

  struct LocatedQuestion {
    var id: String?
    var question: ClassificationQuestion?
    var path: String
  }

  mutating func checkUniqueness(labels: [LocatedLabel], questions: [LocatedQuestion]) {
    var labelLines: [String: Int] = [:]
    var hotkeyLines: [String: Int] = [:]
    for label in labels {
      guard let name = label.name else { continue }
      let context = "label \"\(name)\""
      // Names differing only in case would be indistinguishable in exports and file names.
      let folded = name.lowercased()
      if let first = labelLines[folded] {
        report(
          .duplicateLabel(name, firstLine: first),
          at: TOMLLineIndex.child(label.path, "name"), context: context)
      } else {
        labelLines[folded] = lineIndex.line(of: TOMLLineIndex.child(label.path, "name"))
      }
      if let hotkey = label.hotkey {
        let hotkeyPath = TOMLLineIndex.child(label.path, "hotkey")
        if let first = hotkeyLines[hotkey] {
          report(.duplicateHotkey(hotkey, firstLine: first), at: hotkeyPath, context: context)
        } else {
          hotkeyLines[hotkey] = lineIndex.line(of: hotkeyPath)
        }
      }
    }
    var questionLines: [String: Int] = [:]
    for located in questions {
      guard let id = located.id else { continue }
      let idPath = TOMLLineIndex.child(located.path, "id")
      let context = "question \"\(id)\""
      if let first = questionLines[id.lowercased()] {
        report(.duplicateQuestion(id, firstLine: first), at: idPath, context: context)
      } else {
        questionLines[id.lowercased()] = lineIndex.line(of: idPath)
      }
      if let labelLine = labelLines[id.lowercased()] {
        report(.questionNamedLikeLabel(id, labelLine: labelLine), at: idPath, context: context)
      }
    }
  }

  // MARK: Labels

  mutating func readLabel(_ entries: Entries, path: String, number: Int) -> LocatedLabel {
    let name = string("name", in: entries, path: path, context: "label #\(number)", required: true)
    let context = name.map { "label \"\($0)\"" } ?? "label #\(number)"
    checkKeys(
      entries, allowed: ["name", "color", "hotkey", "kinds", "description", "attribute"],
      path: path, context: context)
    var color: LabelColor?
    if let text = string("color", in: entries, path: path, context: context, required: true) {
      color = LabelColor(hex: text)
      if color == nil {
        report(.badColor(text), at: TOMLLineIndex.child(path, "color"), context: context)
      }
    }
    let hotkey = self.hotkey("hotkey", in: entries, path: path, context: context)
    let kinds = readKinds(entries, path: path, context: context)
    let description = string("description", in: entries, path: path, context: context)
    var attributes: [AttributeDefinition] = []
    var attributeLines: [String: Int] = [:]
    var attributesValid = true
    for element in tableArray("attribute", in: entries, path: path, context: context) {
      let (attributeName, attribute) = readAttribute(
        element.entries, path: element.path, label: context)
      if let attribute { attributes.append(attribute) } else { attributesValid = false }
      guard let attributeName else { continue }
      let namePath = TOMLLineIndex.child(element.path, "name")
      if let first = attributeLines[attributeName] {
        report(
          .duplicateAttribute(attributeName, firstLine: first), at: namePath, context: context)
        attributesValid = false
      } else {
        attributeLines[attributeName] = lineIndex.line(of: namePath)
      }
    }
    var located = LocatedLabel(name: name, hotkey: hotkey, definition: nil, path: path)
    if let name, let color, let kinds, attributesValid {
      located.definition = LabelDefinition(
        name: name, color: color, hotkey: hotkey, kinds: kinds, attributes: attributes,
        description: description)
    }
    return located
  }

  mutating func readKinds(_ entries: Entries, path: String, context: String) -> [AnnotationKind]? {
    guard
      let values = stringArray("kinds", in: entries, path: path, context: context, required: true)
    else { return nil }
    let kindsPath = TOMLLineIndex.child(path, "kinds")
    if values.isEmpty {
      report(.emptyKinds, at: kindsPath, context: context)
      return nil
    }
    var kinds: [AnnotationKind] = []
    var isValid = true
    for (index, value) in values.enumerated() {
      let elementPath = TOMLLineIndex.element(kindsPath, index)
      guard let kind = value.flatMap(AnnotationKind.init(rawValue:)) else {
        if let value { report(.unknownKind(value), at: elementPath, context: context) }
        isValid = false
        continue
      }
      if kinds.contains(kind) {
        report(.duplicateKind(kind.rawValue), at: elementPath, context: context)
      } else {
        kinds.append(kind)
      }
    }
    return isValid ? kinds : nil
  }

  /// The attribute's name (when readable) and its definition (when valid).
  mutating func readAttribute(_ entries: Entries, path: String, label: String)
    -> (name: String?, definition: AttributeDefinition?)
  {
    let name = string("name", in: entries, path: path, context: label, required: true)
    let context = label + (name.map { ", attribute \"\($0)\"" } ?? ", attribute")
    checkKeys(
      entries, allowed: ["name", "type", "choices", "min", "max", "required"], path: path,
      context: context)
    let isRequired = boolean("required", in: entries, path: path, context: context) ?? false
    let typeName = string("type", in: entries, path: path, context: context, required: true)
    let has = { (key: String) in entries.contains { $0.key == key } }
    var type: AttributeType?
    switch typeName {
    case "choice":
      if let choices = readChoices(entries, path: path, context: context, allowHotkeys: false) {
        type = .choice(choices.map(\.name))
      }
    case "boolean": type = .boolean
    case "text": type = .text
    case "number":
      let minimum = number("min", in: entries, path: path, context: context)
      let maximum = number("max", in: entries, path: path, context: context)
      if let minimum, let maximum, minimum > maximum {
        report(
          .minimumAboveMaximum(minimum: minimum, maximum: maximum),
          at: TOMLLineIndex.child(path, "min"), context: context)
      } else {
        type = .number(minimum: minimum, maximum: maximum)
      }
    case nil: break
    case let other?:
      report(.unknownAttributeType(other), at: TOMLLineIndex.child(path, "type"), context: context)
    }
    if let typeName, typeName != "choice", has("choices") {
      report(
        .keyOnlyForType(key: "choices", type: "choice", actualType: typeName),
        at: TOMLLineIndex.child(path, "choices"), context: context)
    }
    for key in ["min", "max"] where has(key) && typeName != nil && typeName != "number" {
      report(
        .keyOnlyForType(key: key, type: "number", actualType: typeName ?? ""),
        at: TOMLLineIndex.child(path, key), context: context)
    }
    guard let name, let type else { return (name, nil) }
    return (name, AttributeDefinition(name: name, type: type, isRequired: isRequired))
  }

  // MARK: Questions

  mutating func readQuestion(_ entries: Entries, path: String, number: Int) -> LocatedQuestion {
    let id = string("id", in: entries, path: path, context: "question #\(number)", required: true)
    let context = id.map { "question \"\($0)\"" } ?? "question #\(number)"
    checkKeys(
      entries, allowed: ["id", "prompt", "level", "answers", "choices"], path: path,
      context: context)
    let prompt = string("prompt", in: entries, path: path, context: context, required: true)
    var level: AnnotationLevel?
    if let text = string("level", in: entries, path: path, context: context, required: true) {
      level = AnnotationLevel(rawValue: text)
      if level == nil {
        report(.unknownLevel(text), at: TOMLLineIndex.child(path, "level"), context: context)
      }
    }
    var allowsMultiple: Bool? = false
    if let mode = string("answers", in: entries, path: path, context: context) {
      switch mode {
      case "single": allowsMultiple = false
      case "multiple": allowsMultiple = true
      default:
        allowsMultiple = nil
        report(.unknownAnswerMode(mode), at: TOMLLineIndex.child(path, "answers"), context: context)
      }
    }
    let choices = readChoices(entries, path: path, context: context, allowHotkeys: true)
    var located = LocatedQuestion(id: id, question: nil, path: path)
    if let id, let prompt, let level, let allowsMultiple, let choices {
      located.question = ClassificationQuestion(
        id: id, prompt: prompt, level: level, choices: choices,
        allowsMultipleAnswers: allowsMultiple)
    }
    return located
  }

  /// Reads `choices`: strings, or (for questions) inline tables `{ name = "...", hotkey = "x" }`.
  mutating func readChoices(_ entries: Entries, path: String, context: String, allowHotkeys: Bool)
    -> [ClassificationChoice]?
  {
    let choicesPath = TOMLLineIndex.child(path, "choices")
    let expected =
      allowHotkeys ? "an array of strings or { name, hotkey } tables" : "an array of strings"
    guard let value = entries.first(where: { $0.key == "choices" })?.value else {
      report(.missingKey("choices"), at: path, context: context)
      return nil
    }
    guard case .array(let elements) = value else {
      report(
        .wrongType(key: "choices", expected: expected, found: value.typeName), at: choicesPath,
        context: context)
      return nil
    }
    if elements.isEmpty {
      report(.emptyChoices, at: choicesPath, context: context)
      return nil
    }
    var choices: [ClassificationChoice] = []
    var nameLines: [String: Int] = [:]
    var hotkeyLines: [String: Int] = [:]
    var isValid = true
    for (index, element) in elements.enumerated() {
      let elementPath = TOMLLineIndex.element(choicesPath, index)
      var choice: ClassificationChoice?
      switch element {
      case .string(let name): choice = ClassificationChoice(name: name)
      case .table(let table) where allowHotkeys:
        checkKeys(table, allowed: ["name", "hotkey"], path: elementPath, context: context)
        if let name = string("name", in: table, path: elementPath, context: context, required: true)
        {
          choice = ClassificationChoice(
            name: name, hotkey: hotkey("hotkey", in: table, path: elementPath, context: context))
        }
      default:
        report(
          .wrongType(
            key: "choices", expected: expected,
            found: "an array containing \(element.typeNameWithArticle)"),
          at: elementPath, context: context)
      }
      guard let choice else {
        isValid = false
        continue
      }
      let line = lineIndex.line(of: elementPath)
      if choice.name.isEmpty {
        report(.emptyValue(key: "choices"), at: elementPath, context: context)
        isValid = false
      } else if let first = nameLines[choice.name] {
        report(.duplicateChoice(choice.name, firstLine: first), at: elementPath, context: context)
        isValid = false
      } else {
        nameLines[choice.name] = line
      }
      if let key = choice.hotkey {
        if let first = hotkeyLines[key] {
          report(.duplicateHotkey(key, firstLine: first), at: elementPath, context: context)
          isValid = false
        } else {
          hotkeyLines[key] = line
        }
      }
      choices.append(choice)
    }
    return isValid ? choices : nil
  }

  // MARK: Typed values

  mutating func checkKeys(_ entries: Entries, allowed: [String], path: String, context: String) {
    for entry in entries where !allowed.contains(entry.key) {
      report(
        .unknownKey(entry.key, allowed: allowed), at: TOMLLineIndex.child(path, entry.key),
        context: context)
    }
  }

  mutating func value(
    _ key: String, in entries: Entries, path: String, context: String, required: Bool
  ) -> TOMLTree? {
    guard let value = entries.first(where: { $0.key == key })?.value else {
      if required { report(.missingKey(key), at: path, context: context) }
      return nil
    }
    return value
  }

  mutating func wrongType(
    _ key: String, expected: String, found: TOMLTree, path: String, context: String
  ) {
    report(
      .wrongType(key: key, expected: expected, found: found.typeName),
      at: TOMLLineIndex.child(path, key), context: context)
  }

  /// A non-empty string value.
  mutating func string(
    _ key: String, in entries: Entries, path: String, context: String, required: Bool = false
  ) -> String? {
    guard let value = value(key, in: entries, path: path, context: context, required: required)
    else { return nil }
    guard case .string(let text) = value else {
      wrongType(key, expected: "a string", found: value, path: path, context: context)
      return nil
    }
    if text.allSatisfy(\.isWhitespace) {
      report(.emptyValue(key: key), at: TOMLLineIndex.child(path, key), context: context)
      return nil
    }
    return text
  }

  mutating func hotkey(_ key: String, in entries: Entries, path: String, context: String)
    -> String?
  {
    guard let value = value(key, in: entries, path: path, context: context, required: false)
    else { return nil }
    guard case .string(let text) = value else {
      wrongType(key, expected: "a string", found: value, path: path, context: context)
      return nil
    }
    guard text.count == 1, let character = text.first,
      !character.isWhitespace, !character.unicodeScalars.contains(where: { $0.value < 0x20 })
    else {
      report(.badHotkey(text), at: TOMLLineIndex.child(path, key), context: context)
      return nil
    }
    return text
  }

  mutating func integer(_ key: String, in entries: Entries, path: String, context: String) -> Int? {
    guard let value = value(key, in: entries, path: path, context: context, required: false)
    else { return nil }
    guard case .integer(let number) = value else {
      wrongType(key, expected: "an integer", found: value, path: path, context: context)
      return nil
    }
    return number
  }

  mutating func number(_ key: String, in entries: Entries, path: String, context: String)
    -> Double?
  {
    guard let value = value(key, in: entries, path: path, context: context, required: false)
    else { return nil }
    switch value {
    case .integer(let number): return Double(number)
    case .float(let number) where number.isFinite: return number
    case .float:
      report(.notFinite(key: key), at: TOMLLineIndex.child(path, key), context: context)
      return nil
    default:
      wrongType(key, expected: "a number", found: value, path: path, context: context)
      return nil
    }
  }

  mutating func boolean(_ key: String, in entries: Entries, path: String, context: String) -> Bool?
  {
    guard let value = value(key, in: entries, path: path, context: context, required: false)
    else { return nil }
    guard case .boolean(let flag) = value else {
      wrongType(key, expected: "true or false", found: value, path: path, context: context)
      return nil
    }
    return flag
  }

  /// An array whose elements are strings; a non-string element is reported and read as nil.
  mutating func stringArray(
    _ key: String, in entries: Entries, path: String, context: String, required: Bool
  ) -> [String?]? {
    guard let value = value(key, in: entries, path: path, context: context, required: required)
    else { return nil }
    guard case .array(let elements) = value else {
      wrongType(key, expected: "an array of strings", found: value, path: path, context: context)
      return nil
    }
    return elements.enumerated().map { index, element in
      guard case .string(let text) = element else {
        report(
          .wrongType(
            key: key, expected: "an array of strings",
            found: "an array containing \(element.typeNameWithArticle)"),
          at: TOMLLineIndex.element(TOMLLineIndex.child(path, key), index), context: context)
        return nil
      }
      return text
    }
  }

  struct TableElement {
    var entries: Entries
    var path: String
    /// 1-based, for messages about entries whose name is missing.
    var number: Int
  }

  /// The tables of an array of tables (`[[key]]`).
  mutating func tableArray(_ key: String, in entries: Entries, path: String, context: String)
    -> [TableElement]
  {
    guard let value = value(key, in: entries, path: path, context: context, required: false)
    else { return [] }
    let arrayPath = TOMLLineIndex.child(path, key)
    guard case .array(let elements) = value else {
      wrongType(
        key, expected: "an array of tables (write [[\(key)]])", found: value, path: path,
        context: context)
      return []
    }
    var tables: [TableElement] = []
    for (index, element) in elements.enumerated() {
      guard case .table(let table) = element else {
        report(
          .wrongType(
            key: key, expected: "an array of tables",
            found: "an array containing \(element.typeNameWithArticle)"),
          at: TOMLLineIndex.element(arrayPath, index), context: context)
        continue
      }
      tables.append(
        TableElement(
          entries: table, path: TOMLLineIndex.element(arrayPath, index), number: index + 1))
    }
    return tables
  }
}
