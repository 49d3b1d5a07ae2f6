/// The commands and modes a keymap may use, with the descriptions shown in help and docs.
public struct CommandCatalog: Sendable {
  public var commands: [CommandDescription]
  public var modes: [ModeDescription]
  private var commandIndex: [String: Int] = [:]

  public init(commands: [CommandDescription], modes: [ModeDescription]) {
    self.commands = commands
    self.modes = modes
    for (index, command) in commands.enumerated() where commandIndex[command.name] == nil {
      commandIndex[command.name] = index
    }
  }

  /// The command called `name`, if the catalog has it.
  public func command(named name: String) -> CommandDescription? {
    commandIndex[name].map { commands[$0] }
  }

  /// The mode called `name`, if the catalog has it.
  public func mode(named name: String) -> ModeDescription? {
    modes.first { $0.name == name }
  }

  /// The summary of a bound command with its arguments filled in (`Window preset 3`).
  public func summary(of bound: BoundCommand) -> String {
    guard var text = command(named: bound.name)?.summary else { return "" }
    for (index, argument) in bound.arguments.enumerated() {
      text = text.filling("{\(index + 1)}", with: argument)
    }
    return text
  }
}

extension String {
  fileprivate func filling(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}

extension CommandCatalog {
  /// Every command annotty's keymaps may bind, grouped as in radiology-ux.md §5.
  public static let annotty = CommandCatalog(
    commands: [
      // Slices, series, tasks.
      CommandDescription("slice.next", "Next slice"),
      CommandDescription("slice.previous", "Previous slice"),
      CommandDescription("slice.forward10", "Ten slices forward"),
      CommandDescription("slice.back10", "Ten slices back"),
      CommandDescription("slice.first", "First slice"),
      CommandDescription("slice.last", "Last slice"),
      CommandDescription("slice.goto", arguments: 1, "Go to slice {1}"),
      CommandDescription("series.next", "Next series"),
      CommandDescription("series.previous", "Previous series"),
      CommandDescription("task.next", "Next task in the queue"),
      CommandDescription("task.previous", "Previous task in the queue"),
      CommandDescription("task.submit", "Submit the task and open the next one"),
      CommandDescription("task.flag", "Flag the task for an expert"),
      CommandDescription("review.accept", "Reviewer: accept the task (asks for a comment)"),
      CommandDescription("review.reject", "Reviewer: reject the task (asks for a comment)"),
      CommandDescription("workspace.save", "Save now (edits are saved as they happen anyway)"),
      // Cine.
      CommandDescription("cine.toggle", "Start or stop cine"),
      CommandDescription("cine.faster", "Cine: more frames per second"),
      CommandDescription("cine.slower", "Cine: fewer frames per second"),
      CommandDescription("cine.fps", arguments: 1, "Cine at {1} frames/s"),
      // Window / level.
      CommandDescription("window.default", "DICOM default window (the file's first window pair)"),
      CommandDescription("window.cycle", "Next DICOM window pair of the file"),
      CommandDescription("window.preset", arguments: 1, "Window preset {1}"),
      CommandDescription("window.auto", "Automatic window from the image's values"),
      CommandDescription("window.set", arguments: 2, "Window level {1}, width {2}"),
      CommandDescription("window.stepMode", "W/L mode: arrows change width and level"),
      CommandDescription("window.widthDecrease", "Narrower window"),
      CommandDescription("window.widthIncrease", "Wider window"),
      CommandDescription("window.levelIncrease", "Raise the level (darker image)"),
      CommandDescription("window.levelDecrease", "Lower the level (brighter image)"),
      CommandDescription("window.stepNext", "Next W/L step size (small, medium, large)"),
      CommandDescription("window.invert", "Invert the gray scale"),
      // View.
      CommandDescription("zoom.in", "Zoom in"),
      CommandDescription("zoom.out", "Zoom out"),
      CommandDescription("zoom.fit", "Fit the image to the viewport"),
      CommandDescription("pan.mode", "Pan mode: arrows move the image"),
      CommandDescription("pan.left", "Pan left"),
      CommandDescription("pan.right", "Pan right"),
      CommandDescription("pan.up", "Pan up"),
      CommandDescription("pan.down", "Pan down"),
      CommandDescription("view.reset", "Reset zoom, pan and window"),
      CommandDescription("view.flipHorizontal", "Flip left–right"),
      CommandDescription("view.flipVertical", "Flip top–bottom"),
      CommandDescription("view.rotateRight", "Rotate 90° clockwise"),
      CommandDescription("view.rotateLeft", "Rotate 90° counter-clockwise"),
      // Drawing.
      CommandDescription("tool.box", "Draw a box"),
      CommandDescription("tool.polygon", "Draw a polygon"),
      CommandDescription(
        "tool.redact", "Draw a redaction box over burned-in text (blanked by annotty deid)"),
      CommandDescription("cursor.left", "Crosshair one pixel left"),
      CommandDescription("cursor.right", "Crosshair one pixel right"),
      CommandDescription("cursor.up", "Crosshair one pixel up"),
      CommandDescription("cursor.down", "Crosshair one pixel down"),
      CommandDescription("cursor.leftLarge", "Crosshair eight pixels left"),
      CommandDescription("cursor.rightLarge", "Crosshair eight pixels right"),
      CommandDescription("cursor.upLarge", "Crosshair eight pixels up"),
      CommandDescription("cursor.downLarge", "Crosshair eight pixels down"),
      CommandDescription(
        "point.place",
        "Place a corner or vertex (the 2nd box corner, or the 1st vertex again, closes)"
      ),
      CommandDescription("point.removeLast", "Remove the last corner or vertex"),
      CommandDescription("shape.close", "Close the polygon"),
      CommandDescription("cancel", "Cancel the shape being drawn, or leave the mode"),
      // Selection and editing.
      CommandDescription("select.next", "Select the next shape on the slice"),
      CommandDescription("select.previous", "Select the previous shape on the slice"),
      CommandDescription("selection.delete", "Delete the selected shape"),
      CommandDescription("selection.relabel", "Choose another label for the selected shape"),
      CommandDescription("selection.edit", "Move or reshape the selected shape"),
      CommandDescription("handle.next", "Next corner or vertex to move (or the whole shape)"),
      CommandDescription("handle.previous", "Previous corner or vertex to move"),
      CommandDescription("handle.delete", "Delete the chosen vertex"),
      CommandDescription("attributes.edit", "Edit the attributes of the selected shape"),
      CommandDescription("undo", "Undo"),
      CommandDescription("redo", "Redo"),
      // Labels and classification.
      CommandDescription(
        "label.assign", arguments: 1,
        "Label {1}: give it to the selected shape, or toggle class {1} when classifying"),
      CommandDescription("classify.study", "Classify the study"),
      CommandDescription("classify.series", "Classify the series"),
      CommandDescription("classify.image", "Classify the image"),
      CommandDescription("mode.rapid", "Rapid classification: a digit answers and moves on"),
      // Command line, help, screen.
      CommandDescription("command.open", "Command line (:wl 40 80, :goto 12, :label 3, ...)"),
      CommandDescription("command.execute", "Run the command line"),
      CommandDescription("command.deleteBackward", "Delete the character before the cursor"),
      CommandDescription("command.deleteForward", "Delete the character under the cursor"),
      CommandDescription("command.cursorLeft", "Cursor left"),
      CommandDescription("command.cursorRight", "Cursor right"),
      CommandDescription("command.cursorStart", "Cursor to the start of the line"),
      CommandDescription("command.cursorEnd", "Cursor to the end of the line"),
      CommandDescription("command.historyPrevious", "Previous command from the history"),
      CommandDescription("command.historyNext", "Next command from the history"),
      CommandDescription("command.complete", "Complete the command name"),
      CommandDescription("help.toggle", "Show or hide the key bindings of the current mode"),
      CommandDescription("help.scrollDown", "Scroll the help down"),
      CommandDescription("help.scrollUp", "Scroll the help up"),
      CommandDescription("help.pageDown", "Help one page down"),
      CommandDescription("help.pageUp", "Help one page up"),
      CommandDescription("screen.redraw", "Redraw the whole screen"),
      CommandDescription("quit", "Quit (asks first when changes are not yet synced)"),
    ],
    modes: [
      ModeDescription("normal", "Viewing: slices, series, window, view, selection, labels."),
      ModeDescription("window", "W/L mode, entered with window.stepMode."),
      ModeDescription("pan", "Pan mode, entered with pan.mode."),
      ModeDescription("box", "Drawing a box: move the crosshair, place two corners."),
      ModeDescription("polygon", "Drawing a polygon: move the crosshair, place vertices."),
      ModeDescription("edit", "Reshaping the selected shape, entered with selection.edit."),
      ModeDescription("classify", "Classifying the study, series or image with label hotkeys."),
      ModeDescription("rapid", "Rapid classification: one image after another."),
      ModeDescription("command", "The command line; other keys type text."),
      ModeDescription("help", "The key bindings overlay."),
    ])
}
