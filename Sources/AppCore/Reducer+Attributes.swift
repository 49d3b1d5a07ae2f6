import Annotations

extension AppState {
  /// `r`: the selected shape takes the next label (in schema order) that allows its kind.
  ///
  /// Digits already relabel the selected shape directly; `r` reaches labels without a hotkey
  /// and needs no memory of which digit is which.
  mutating func relabelSelection(now: Timestamp, effects: inout [Effect]) {
    guard let selected else { return report("nothing selected: Tab selects a shape") }
    let labels = schema.labels
    guard !labels.isEmpty else { return report("the label schema has no labels") }
    let start = labels.firstIndex { $0.name == selected.label } ?? -1
    let candidates = (1...labels.count).map {
      labels[(start + $0 + labels.count) % labels.count]
    }
    guard
      let label = candidates.first(where: {
        $0.name != selected.label && $0.kinds.contains(selected.kind)
      })
    else { return report("no other label allows a \(selected.kind.rawValue)") }
    var after = selected
    after.label = label.name
    // Attributes of the old label mean nothing under the new one.
    after.attributes = after.attributes.filter { label.attribute(named: $0.key) != nil }
    commitEdit(before: selected, after: after, now: now, effects: &effects)
    report("label: \(label.name) (r again for the next)")
  }

  /// `a`: opens the attribute form of the selected shape; values are typed on the command line.
  mutating func openAttributeForm() {
    guard let selected else { return report("nothing selected: Tab selects a shape") }
    guard let label = schema.label(named: selected.label), !label.attributes.isEmpty else {
      return report("label \(selected.label) has no attributes")
    }
    stopCine()
    attributeForm = AttributeForm(annotationID: selected.id)
    commandLine = CommandLineText()
    mode = .command
    report("")
  }

  /// The annotation the form edits, while it is still in view.
  var formAnnotation: Annotation? {
    guard let form = attributeForm else { return nil }
    return annotations.first { $0.id == form.annotationID }
  }

  /// The attributes the form lists: those of the annotation's label, in schema order.
  var formAttributes: [AttributeDefinition] {
    formAnnotation.flatMap { schema.label(named: $0.label)?.attributes } ?? []
  }

  /// The attribute on the chosen row.
  var formAttribute: AttributeDefinition? {
    guard let row = attributeForm?.row, formAttributes.indices.contains(row) else { return nil }
    return formAttributes[row]
  }

  mutating func moveFormRow(by step: Int) {
    guard var form = attributeForm, !formAttributes.isEmpty else { return }
    form.row = min(max(0, form.row + step), formAttributes.count - 1)
    attributeForm = form
    commandLine = CommandLineText()
  }

  /// Enter in the form: the typed text sets the chosen attribute; with nothing typed a choice
  /// moves to its next value and a boolean flips.
  mutating func applyFormInput(now: Timestamp, effects: inout [Effect]) {
    let text = (commandLine?.text ?? "").trimmingSpaces
    guard let annotation = formAnnotation, let attribute = formAttribute else {
      let reason = formAnnotation == nil ? "the annotation is gone" : "no attribute to edit"
      attributeForm = nil
      commandLine = nil
      mode = .normal
      return report(reason)
    }
    let current = annotation.attributes[attribute.name]
    let value: AttributeValue
    switch Self.parse(text, for: attribute, current: current) {
    case .success(let parsed): value = parsed
    case .failure(let problem): return report(problem.message)
    }
    commandLine = CommandLineText()
    var after = annotation
    after.attributes[attribute.name] = value
    commitEdit(before: annotation, after: after, now: now, effects: &effects)
    report("\(attribute.name) = \(Self.formText(value))")
  }

  /// A value for `attribute` from what was typed, or why the text does not fit.
  static func parse(
    _ text: String, for attribute: AttributeDefinition, current: AttributeValue?
  ) -> Result<AttributeValue, FormProblem> {
    let lowered = text.lowercased()
    switch attribute.type {
    case .choice(let choices):
      guard !choices.isEmpty else {
        return .failure(FormProblem("\(attribute.name) has no choices"))
      }
      if text.isEmpty {
        let index = current.flatMap { value in choices.firstIndex { .text($0) == value } }
        return .success(.text(choices[index.map { ($0 + 1) % choices.count } ?? 0]))
      }
      if let number = Int(text), choices.indices.contains(number - 1) {
        return .success(.text(choices[number - 1]))
      }
      let matches = choices.filter { $0.lowercased().hasPrefix(lowered) }
      if let exact = choices.first(where: { $0.lowercased() == lowered }) {
        return .success(.text(exact))
      }
      guard matches.count == 1 else {
        return .failure(
          FormProblem("\(attribute.name) is one of " + choices.joined(separator: ", ")))
      }
      return .success(.text(matches[0]))
    case .boolean:
      if text.isEmpty {
        if case .boolean(let flag) = current { return .success(.boolean(!flag)) }
        return .success(.boolean(true))
      }
      if ["y", "yes", "true", "1"].contains(lowered) { return .success(.boolean(true)) }
      if ["n", "no", "false", "0"].contains(lowered) { return .success(.boolean(false)) }
      return .failure(FormProblem("\(attribute.name) is yes or no"))
    case .number(let minimum, let maximum):
      guard let number = Double(text), number.isFinite else {
        return .failure(FormProblem("type a number for \(attribute.name), then Enter"))
      }
      if let minimum, number < minimum {
        return .failure(
          FormProblem("\(attribute.name) is at least \(NumberText.compact(minimum))"))
      }
      if let maximum, number > maximum {
        return .failure(FormProblem("\(attribute.name) is at most \(NumberText.compact(maximum))"))
      }
      return .success(.number(number))
    case .text:
      guard !text.isEmpty else {
        return .failure(FormProblem("type the text for \(attribute.name), then Enter"))
      }
      return .success(.text(text))
    }
  }

  /// A value as the form shows it: `subdural`, `12.5`, `yes`.
  static func formText(_ value: AttributeValue?) -> String {
    switch value {
    case .text(let text): return text
    case .number(let number): return NumberText.compact(number)
    case .boolean(let flag): return flag ? "yes" : "no"
    case nil: return "–"
    }
  }
}

/// Why typed text is not a value for an attribute; the message is shown as is.
struct FormProblem: Error, Equatable {
  var message: String

  init(_ message: String) {
    self.message = message
  }
}

extension String {
  /// Without leading and trailing spaces (Foundation-free).
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
