import Annotations

extension AppState {
  /// Opens classify mode on the schema's first question of `level`.
  mutating func startClassifying(_ level: AnnotationLevel) {
    guard let question = schema.questions.first(where: { $0.level == level }) else {
      return report("the label schema has no \(level.rawValue) question")
    }
    classification = PendingClassification(questionID: question.id, level: level)
    mode = .classify
    let choices = question.choices.enumerated().map { "\($0.offset + 1) \($0.element.name)" }
    report("\(question.prompt) " + choices.joined(separator: ", "))
  }

  /// Answers the pending question with choice `number` (1-based; 0 is the tenth); false when
  /// there was nothing to answer with.
  @discardableResult
  mutating func answer(_ number: Int, now: Timestamp, effects: inout [Effect]) -> Bool {
    guard let pending = classification,
      let question = schema.question(withID: pending.questionID)
    else {
      cancel()
      return false
    }
    let index = number == 0 ? 9 : number - 1
    guard question.choices.indices.contains(index) else {
      report("\(question.id) has no choice \(number)")
      return false
    }
    guard let target = classificationTarget(pending.level) else {
      report("no image to classify")
      return false
    }
    let choice = question.choices[index].name
    let existing = annotations.first {
      $0.label == question.id && $0.target == target && $0.kind == .classification
    }
    if let existing, case .classification(let answers) = existing.shape {
      var newAnswers = [choice]
      if question.allowsMultipleAnswers {
        newAnswers = answers.contains(choice) ? answers.filter { $0 != choice } : answers + [choice]
      }
      var after = existing
      after.shape = .classification(answers: newAnswers)
      after.updatedAt = now
      if after != existing { effects.append(.commit(.update(before: existing, after: after))) }
    } else {
      let annotation = Annotation(
        id: idSource.makeID(), label: question.id, shape: .classification(answers: [choice]),
        target: target, author: author, createdAt: now)
      effects.append(.commit(.add(annotation)))
    }
    // Rapid mode keeps asking, one image after another.
    if !question.allowsMultipleAnswers, mode == .classify {
      classification = nil
      mode = .normal
    }
    return true
  }

  private func classificationTarget(_ level: AnnotationLevel) -> AnnotationTarget? {
    guard let image = currentImage else { return nil }
    switch level {
    case .image: return .image(image)
    case .series:
      return .series(
        studyInstanceUID: image.studyInstanceUID, seriesInstanceUID: image.seriesInstanceUID)
    case .study: return .study(studyInstanceUID: image.studyInstanceUID)
    }
  }
}
