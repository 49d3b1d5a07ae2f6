import Annotations
import TUIKit

/// The state machine of `annotty open`: a pure function from state and action to the next
/// state and the effects the shell must perform.
public enum Reducer {
  /// The next state and effects; `now` stamps annotations created by this action.
  public static func reduce(_ state: AppState, _ action: Action, now: Timestamp)
    -> (AppState, [Effect])
  {
    var next = state
    var effects: [Effect] = []
    switch action {
    case .command(let command):
      next.run(command, now: now, effects: &effects)
    case .typed(let text):
      next.insertCommandText(text)
    case .frameDecoded(let stack, let frame, let facts):
      next.takeFacts(facts, stack: stack, frame: frame)
    case .annotationsLoaded(let image, let annotations):
      if image == next.currentImage {
        next.annotations = annotations
        if next.selected == nil { next.selectedID = nil }
      }
    case .editCommitted(let edit):
      next.applyCommitted(edit)
    case .editFailed(let message):
      next.statusMessage = message
    case .resized(let size):
      next.screenSize = size
      next.helpPage = min(next.helpPage, max(0, next.helpPageCount - 1))
      effects.append(.redraw)
    case .syncChanged(let text):
      next.syncStatus = text
    case .conflictsChanged(let conflicts):
      next.conflicts = conflicts
    case .tick:
      next.advanceCine(effects: &effects)
    case .valueSampled(let stack, let frame, let point, let value):
      next.takeSample(value, at: SamplePoint(stack: stack, frame: frame, point: point))
    }
    next.followEditHandle()
    next.sampleIfMoved(effects: &effects)
    if next.rapid != nil,
      state.rapid == nil || state.stackIndex != next.stackIndex
        || state.frameIndex != next.frameIndex
    {
      next.prefetchRapid(effects: &effects)
    }
    return (next, effects)
  }

  /// The state a session starts in, with the effects that load its first image.
  public static func start(_ state: AppState) -> (AppState, [Effect]) {
    var effects: [Effect] = []
    guard let image = state.currentImage else { return (state, effects) }
    effects.append(.decodeFrame(stack: state.stackIndex, frame: state.frameIndex))
    effects.append(.loadAnnotations(image))
    return (state, effects)
  }
}

extension AppState {
  /// Runs one keymap command.
  mutating func run(_ command: BoundCommand, now: Timestamp, effects: inout [Effect]) {
    let number = command.arguments.first.flatMap { Int($0) }
    switch command.name {
    case "slice.next": showFrame(frameIndex + 1, effects: &effects)
    case "slice.previous": showFrame(frameIndex - 1, effects: &effects)
    case "slice.forward10": showFrame(frameIndex + 10, effects: &effects)
    case "slice.back10": showFrame(frameIndex - 10, effects: &effects)
    case "slice.first": showFrame(0, effects: &effects)
    case "slice.last": showFrame(Int.max / 2, effects: &effects)
    case "slice.goto":
      guard let number else { return report("slice.goto needs a slice number") }
      showFrame(number - 1, effects: &effects)
    case "series.next": showStack(stackIndex + 1, effects: &effects)
    case "series.previous": showStack(stackIndex - 1, effects: &effects)
    case "window.preset", "window.default", "window.cycle", "window.auto", "window.set",
      "window.invert":
      runWindowCommand(command)
    case "window.stepMode", "window.stepNext", "window.widthDecrease", "window.widthIncrease",
      "window.levelIncrease", "window.levelDecrease":
      runWindowStepCommand(command.name)
    case "zoom.in", "zoom.out", "zoom.fit", "view.reset", "pan.left", "pan.right", "pan.up",
      "pan.down":
      runViewCommand(command.name)
    case "pan.mode":
      stopDrawing()
      mode = .pan
      report("pan: arrows move the image, +/- zoom, = fits, Esc leaves")
    case "cine.toggle", "cine.faster", "cine.slower", "cine.fps":
      runCineCommand(command, effects: &effects)
    case "tool.box": startDrawing(.box)
    case "tool.polygon": startDrawing(.polygon)
    case "tool.redact": startDrawing(.redact)
    case "cursor.left", "cursor.right", "cursor.up", "cursor.down", "cursor.leftLarge",
      "cursor.rightLarge", "cursor.upLarge", "cursor.downLarge":
      let (dx, dy) = Self.cursorStep(command.name)
      if mode == .edit {
        moveEditHandle(dx: dx, dy: dy, now: now, effects: &effects)
      } else {
        moveCrosshair(dx: dx, dy: dy)
      }
    case "selection.edit": startEditing()
    case "handle.next": cycleEditHandle(by: 1)
    case "handle.previous": cycleEditHandle(by: -1)
    case "handle.delete": deleteEditHandle(now: now, effects: &effects)
    case "point.place": placePoint(now: now, effects: &effects)
    case "point.removeLast":
      if draft.popLast() == nil { report("no point to remove") }
    case "shape.close": closePolygon(now: now, effects: &effects)
    case "cancel":
      // Esc is the universal stop, cine included.
      stopCine()
      cancel()
    case "select.next": moveSelection(by: 1)
    case "select.previous": moveSelection(by: -1)
    case "selection.delete":
      guard let selected else { return report("nothing selected: Tab selects a shape") }
      effects.append(.commit(.delete(selected)))
    case "undo":
      if mode == .rapid {
        undoRapid(effects: &effects)
      } else {
        effects.append(.undo)
      }
    case "mode.rapid": startRapid(now: now)
    case "redo": effects.append(.redo)
    case "label.assign":
      guard let number else { return report("label.assign needs a number") }
      assignLabel(number, now: now, effects: &effects)
    case "classify.image": startClassifying(.image)
    case "classify.series": startClassifying(.series)
    case "classify.study": startClassifying(.study)
    case "command.open":
      commandLine = CommandLineText()
      mode = .command
    case "command.execute":
      if attributeForm != nil {
        applyFormInput(now: now, effects: &effects)
      } else {
        executeCommandLine(now: now, effects: &effects)
      }
    case "command.historyPrevious" where attributeForm != nil: moveFormRow(by: -1)
    case "command.historyNext" where attributeForm != nil: moveFormRow(by: 1)
    case "selection.relabel": relabelSelection(now: now, effects: &effects)
    case "attributes.edit": openAttributeForm()
    case "command.deleteBackward", "command.deleteForward", "command.cursorLeft",
      "command.cursorRight", "command.cursorStart", "command.cursorEnd":
      editCommandLine(command.name)
    case "help.toggle": toggleHelp()
    case "help.scrollDown", "help.pageDown":
      helpPage = min(helpPage + 1, max(0, helpPageCount - 1))
    case "help.scrollUp", "help.pageUp": helpPage = max(0, helpPage - 1)
    case "screen.redraw": effects.append(.redraw)
    case "quit":
      isQuitting = true
      effects.append(.quit)
    default:
      let summary = CommandCatalog.annotty.summary(of: command)
      report("not available yet: \(summary.isEmpty ? command.description : summary)")
    }
  }

  /// Crosshair steps with Shift held, in image pixels (the catalog says eight).
  static let largeStep = 8

  /// The pixels a `cursor.*` command moves by.
  static func cursorStep(_ name: String) -> (dx: Int, dy: Int) {
    switch name {
    case "cursor.left": return (-1, 0)
    case "cursor.right": return (1, 0)
    case "cursor.up": return (0, -1)
    case "cursor.down": return (0, 1)
    case "cursor.leftLarge": return (-largeStep, 0)
    case "cursor.rightLarge": return (largeStep, 0)
    case "cursor.upLarge": return (0, -largeStep)
    case "cursor.downLarge": return (0, largeStep)
    default: return (0, 0)
    }
  }

  mutating func report(_ message: String) {
    statusMessage = message
  }

  mutating func toggleHelp() {
    if mode == .help {
      mode = helpMode
    } else {
      helpMode = mode
      helpPage = 0
      mode = .help
    }
  }

  /// Esc: drop the shape being drawn, else leave the mode.
  mutating func cancel() {
    switch mode {
    case .box, .polygon:
      if draft.isEmpty {
        mode = .normal
        tool = .none
      } else {
        draft.removeAll()
      }
    case .classify:
      classification = nil
      mode = .normal
    case .command:
      commandLine = nil
      attributeForm = nil
      mode = .normal
    case .help:
      mode = helpMode
    case .window, .pan, .edit:
      mode = .normal
    case .rapid:
      rapid = nil
      classification = nil
      mode = .normal
    case .normal:
      selectedID = nil
    }
    statusMessage = ""
  }
}
