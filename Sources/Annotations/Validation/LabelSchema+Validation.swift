extension LabelSchema {
  /// Every way `annotation` breaks the schema; with `imageSize`, also geometry outside the image.
  /// Empty when the annotation is valid.
  public func validate(_ annotation: Annotation, imageSize: ImageSize? = nil) -> [AnnotationIssue] {
    var issues = AnnotationChecks.identity(of: annotation)
    issues += AnnotationChecks.target(annotation.target)
    if let question = question(withID: annotation.label) {
      issues += validateAnswers(annotation, to: question)
    } else if let label = label(named: annotation.label) {
      issues += validate(annotation, as: label, imageSize: imageSize)
    } else if Redaction.isRedaction(annotation) {
      // Not a finding: a box of burned-in text to blank, whatever the schema.
      if annotation.target.level != .image {
        issues.append(
          .regionNeedsImageTarget(kind: annotation.kind, level: annotation.target.level))
      }
      issues += AnnotationChecks.geometry(annotation.shape, imageSize: imageSize)
    } else {
      issues.append(.unknownLabel(annotation.label))
    }
    return issues
  }

  private func validateAnswers(_ annotation: Annotation, to question: ClassificationQuestion)
    -> [AnnotationIssue]
  {
    guard case .classification(let answers) = annotation.shape else {
      return [
        .kindNotAllowed(label: question.id, kind: annotation.kind, allowed: [.classification])
      ]
    }
    var issues: [AnnotationIssue] = []
    if annotation.target.level != question.level {
      issues.append(
        .wrongLevel(
          question: question.id, expected: question.level, actual: annotation.target.level)
      )
    }
    if answers.isEmpty {
      issues.append(.noAnswer(question: question.id))
    } else if answers.count > 1 && !question.allowsMultipleAnswers {
      issues.append(.tooManyAnswers(question: question.id, count: answers.count))
    }
    var seen: Set<String> = []
    for answer in answers {
      if question.choice(named: answer) == nil {
        issues.append(.unknownAnswer(question: question.id, answer: answer))
      }
      if !seen.insert(answer).inserted {
        issues.append(.duplicateAnswer(question: question.id, answer: answer))
      }
    }
    issues += annotation.attributes.keys.sorted().map { .unknownAttribute($0) }
    return issues
  }

  private func validate(_ annotation: Annotation, as label: LabelDefinition, imageSize: ImageSize?)
    -> [AnnotationIssue]
  {
    var issues: [AnnotationIssue] = []
    if !label.kinds.contains(annotation.kind) {
      issues.append(.kindNotAllowed(label: label.name, kind: annotation.kind, allowed: label.kinds))
    }
    switch annotation.shape {
    case .box, .polygon:
      if annotation.target.level != .image {
        issues.append(
          .regionNeedsImageTarget(kind: annotation.kind, level: annotation.target.level))
      }
      issues += AnnotationChecks.geometry(annotation.shape, imageSize: imageSize)
    case .classification(let answers):
      if !answers.isEmpty { issues.append(.answersOnLabel(label: label.name)) }
    }
    issues += AnnotationChecks.attributes(annotation.attributes, of: label)
    return issues
  }
}

/// Checks that need no schema.
enum AnnotationChecks {
  static func identity(of annotation: Annotation) -> [AnnotationIssue] {
    var issues: [AnnotationIssue] = []
    if !Annotation.isValidID(annotation.id) { issues.append(.invalidID(annotation.id)) }
    if annotation.revision < 0 { issues.append(.invalidRevision(annotation.revision)) }
    if annotation.updatedAt < annotation.createdAt {
      issues.append(
        .updatedBeforeCreated(created: annotation.createdAt, updated: annotation.updatedAt))
    }
    return issues
  }

  static func target(_ target: AnnotationTarget) -> [AnnotationIssue] {
    var issues: [AnnotationIssue] = []
    if target.studyInstanceUID.isEmpty { issues.append(.emptyUID(field: "study UID")) }
    if target.seriesInstanceUID?.isEmpty == true { issues.append(.emptyUID(field: "series UID")) }
    if let image = target.image {
      if image.sopInstanceUID.isEmpty { issues.append(.emptyUID(field: "SOP Instance UID")) }
      if image.frame < 1 { issues.append(.invalidFrame(image.frame)) }
    }
    return issues
  }

  static func geometry(_ shape: AnnotationShape, imageSize: ImageSize?) -> [AnnotationIssue] {
    switch shape {
    case .box(let box):
      guard [box.x, box.y, box.width, box.height].allSatisfy(\.isFinite) else {
        return [.nonFiniteCoordinate]
      }
      if box.width < 0 || box.height < 0 {
        return [.negativeSize(width: box.width, height: box.height)]
      }
      if let size = imageSize,
        box.x < 0 || box.y < 0 || box.x + box.width > Double(size.columns)
          || box.y + box.height > Double(size.rows)
      {
        return [.outsideImage(size)]
      }
      return []
    case .polygon(let points):
      guard points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
        return [.nonFiniteCoordinate]
      }
      guard points.count >= 3 else { return [.tooFewPoints(points.count)] }
      var issues: [AnnotationIssue] = []
      if shoelaceArea(points) == 0 { issues.append(.zeroAreaPolygon) }
      if let size = imageSize,
        points.contains(where: {
          $0.x < 0 || $0.y < 0 || $0.x > Double(size.columns) || $0.y > Double(size.rows)
        })
      {
        issues.append(.outsideImage(size))
      }
      return issues
    case .classification:
      return []
    }
  }

  static func shoelaceArea(_ points: [ImagePoint]) -> Double {
    var twiceArea = 0.0
    for index in points.indices {
      let current = points[index]
      let next = points[(index + 1) % points.count]
      twiceArea += current.x * next.y - next.x * current.y
    }
    return abs(twiceArea) / 2
  }

  static func attributes(_ values: [String: AttributeValue], of label: LabelDefinition)
    -> [AnnotationIssue]
  {
    var issues: [AnnotationIssue] = []
    for name in values.keys.sorted() where label.attribute(named: name) == nil {
      issues.append(.unknownAttribute(name))
    }
    for definition in label.attributes {
      guard let value = values[definition.name] else {
        if definition.isRequired { issues.append(.missingRequiredAttribute(definition.name)) }
        continue
      }
      if let issue = check(value, against: definition) { issues.append(issue) }
    }
    return issues
  }

  static func check(_ value: AttributeValue, against definition: AttributeDefinition)
    -> AnnotationIssue?
  {
    let name = definition.name
    switch (definition.type, value) {
    case (.choice(let choices), .text(let text)):
      return choices.contains(text)
        ? nil : .attributeNotAChoice(name: name, value: text, choices: choices)
    case (.text, .text), (.boolean, .boolean):
      return nil
    case (.number(let minimum, let maximum), .number(let number)):
      guard number.isFinite else {
        return .attributeWrongType(name: name, expected: "a finite number", found: "\(number)")
      }
      if let minimum, number < minimum {
        return .attributeOutOfRange(name: name, value: number, minimum: minimum, maximum: maximum)
      }
      if let maximum, number > maximum {
        return .attributeOutOfRange(name: name, value: number, minimum: minimum, maximum: maximum)
      }
      return nil
    default:
      let expected: String
      switch definition.type {
      case .choice: expected = "a choice (text)"
      case .boolean: expected = "a boolean"
      case .number: expected = "a number"
      case .text: expected = "text"
      }
      return .attributeWrongType(name: name, expected: expected, found: value.typeName)
    }
  }
}
