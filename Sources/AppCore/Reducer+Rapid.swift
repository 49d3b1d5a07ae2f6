import Annotations

extension AppState {
  /// Enters rapid classification on the schema's first image-level question.
  mutating func startRapid(now: Timestamp) {
    guard let question = schema.questions.first(where: { $0.level == .image }) else {
      return report("rapid mode needs an image-level question in the label schema; it has none")
    }
    guard currentImage != nil else { return report("no image to classify") }
    stopCine()
    stopDrawing()
    selectedID = nil
    classification = PendingClassification(questionID: question.id, level: .image)
    rapid = RapidSession(questionID: question.id, startedAt: now)
    mode = .rapid
    let choices = question.choices.enumerated().map { "\($0.offset + 1) \($0.element.name)" }
    report("rapid: \(question.prompt) " + choices.joined(separator: ", ") + "; u steps back")
  }

  /// A digit in rapid mode: answers, then shows the next image at once.
  mutating func answerRapid(_ number: Int, now: Timestamp, effects: inout [Effect]) {
    let position = ImagePosition(stack: stackIndex, frame: frameIndex)
    guard answer(number, now: now, effects: &effects), var session = rapid else { return }
    session.answered += 1
    session.lastAnsweredAt = now
    session.trail.append(position)
    rapid = session
    guard let next = positionAfter(position) else {
      return report("rapid: that was the last image (Esc leaves)")
    }
    show(next, effects: &effects)
  }

  /// `u` in rapid mode: undoes the newest answer and shows its image again.
  /// With no answer given in this session, nothing is undone: an older edit (made before
  /// rapid mode) would change out of sight.
  mutating func undoRapid(effects: inout [Effect]) {
    guard var session = rapid, let previous = session.trail.popLast() else {
      return report("no rapid answer to undo")
    }
    effects.append(.undo)
    session.answered = max(0, session.answered - 1)
    rapid = session
    show(previous, effects: &effects)
  }

  /// The frame after `position`: the next in its stack, else the first of the next stack.
  func positionAfter(_ position: ImagePosition) -> ImagePosition? {
    guard study.stacks.indices.contains(position.stack) else { return nil }
    if position.frame + 1 < study.stacks[position.stack].frameCount {
      return ImagePosition(stack: position.stack, frame: position.frame + 1)
    }
    var stack = position.stack + 1
    while stack < study.stacks.count {
      if study.stacks[stack].frameCount > 0 { return ImagePosition(stack: stack, frame: 0) }
      stack += 1
    }
    return nil
  }

  /// Shows a frame of any stack, asking for its pixels and annotations.
  mutating func show(_ position: ImagePosition, effects: inout [Effect]) {
    if position.stack == stackIndex {
      showFrame(position.frame, effects: &effects)
    } else if study.stacks.indices.contains(position.stack) {
      // Arriving at the wanted frame directly, rather than at the remembered one first.
      rememberedFrames[study.stacks[position.stack].id] = position.frame
      showStack(position.stack, effects: &effects)
    }
  }

  /// Asks the shell to prepare the next three images of rapid mode, grouped by stack.
  mutating func prefetchRapid(effects: inout [Effect]) {
    var upcoming: [ImagePosition] = []
    var position = ImagePosition(stack: stackIndex, frame: frameIndex)
    while upcoming.count < 3, let next = positionAfter(position) {
      upcoming.append(next)
      position = next
    }
    var index = 0
    while index < upcoming.count {
      let stack = upcoming[index].stack
      let frames = upcoming[index...].prefix { $0.stack == stack }.map(\.frame)
      effects.append(.prefetch(stack: stack, frames: frames))
      index += frames.count
    }
  }
}
