import Annotations
import TUIKit

/// The screen for a state: pure, so golden tests pin it down cell by cell.
public enum AppView {
  /// Lays out viewport, side panel, status line and command line (and help when open).
  public static func view(_ state: AppState, theme: Theme, size: ScreenSize) -> Frame {
    let layout = ScreenLayout(size)
    var screen = ScreenBuffer(width: size.columns, height: size.rows, style: theme[.text])
    drawPanel(state, theme: theme, into: &screen, layout.panel)
    if state.attributeForm != nil {
      drawAttributeForm(state, theme: theme, into: &screen, layout.panel)
    }
    drawStatus(state, theme: theme, into: &screen, layout.status)
    let cursor = drawBottomLine(state, theme: theme, into: &screen, layout.bottom)
    var image: ImageRequest?
    if state.mode == .help {
      // Help covers the image: its cells become text, so the backend paints over the picture.
      state.helpOverlay(theme: theme).draw(in: &screen, layout.main)
    } else if state.currentImage != nil {
      screen.addSkip(layout.viewport)
      image = ImageRequest(
        stack: state.stackIndex, frame: state.frameIndex, window: state.window.current,
        invert: state.window.invert, zoom: state.zoom, pan: state.pan, overlay: state.overlay)
    }
    return Frame(screen: screen, viewport: layout.viewport, image: image, cursor: cursor)
  }

  private static func drawPanel(
    _ state: AppState, theme: Theme, into screen: inout ScreenBuffer, _ rect: Rect
  ) {
    guard !rect.isEmpty else { return }
    let stackRows = min(state.study.stacks.count + 2, max(3, rect.height / 4))
    let labelRows = min(state.schema.labels.count + 2, max(3, rect.height / 2))
    let parts = rect.splitRows([.fixed(stackRows), .fill, .fixed(labelRows)])

    let series = box("Series", theme: theme).draw(in: &screen, parts[0])
    ListView(
      items: state.study.stacks.map { ListItem($0.description, detail: "\($0.frameCount)") },
      selectedIndex: state.stackIndex, style: theme[.text], selectionStyle: theme[.selection]
    ).draw(in: &screen, series)

    let shapes = state.shapesOnImage
    let onSlice = box("This slice", theme: theme).draw(in: &screen, parts[1])
    var items = shapes.map { annotation in
      ListItem(
        annotation.label,
        marker: state.conflicts.contains { $0.annotationID == annotation.id } ? "!" : "■",
        markerStyle: labelStyle(annotation.label, state, theme),
        detail: detail(of: annotation.shape))
    }
    items += state.annotations.filter { $0.kind == .classification && state.isInView($0) }.map {
      annotation in
      guard case .classification(let answers) = annotation.shape else { return ListItem("") }
      return ListItem(
        "\(annotation.label): \(answers.joined(separator: ", "))", marker: "?",
        markerStyle: theme[.dim], detail: annotation.target.level.rawValue)
    }
    if items.isEmpty {
      TextLine("no annotations", style: theme[.dim]).draw(in: &screen, onSlice)
    } else {
      ListView(
        items: items, selectedIndex: shapes.firstIndex { $0.id == state.selectedID },
        style: theme[.text], selectionStyle: theme[.selection]
      ).draw(in: &screen, onSlice)
    }

    let labels = box("Labels", theme: theme).draw(in: &screen, parts[2])
    ListView(
      items: state.schema.labels.map {
        ListItem(
          $0.name, marker: "■", markerStyle: labelStyle($0.name, state, theme),
          detail: $0.hotkey ?? "")
      },
      selectedIndex: state.schema.labels.firstIndex { $0.name == state.currentLabel },
      style: theme[.text], selectionStyle: theme[.selection]
    ).draw(in: &screen, labels)
  }

  /// The selected annotation's attributes over the panel: one row each, the chosen one
  /// highlighted, and how to change them on the last row.
  private static func drawAttributeForm(
    _ state: AppState, theme: Theme, into screen: inout ScreenBuffer, _ rect: Rect
  ) {
    guard !rect.isEmpty, let annotation = state.formAnnotation else { return }
    screen.fill(rect, style: theme[.text])
    let inside = box(annotation.label, theme: theme).draw(in: &screen, rect)
    let parts = inside.splitRows([.fill, .fixed(min(2, max(0, inside.height - 1)))])
    ListView(
      items: state.formAttributes.map { attribute in
        ListItem(
          attribute.name + (attribute.isRequired ? "*" : ""),
          detail: AppState.formText(annotation.attributes[attribute.name]))
      },
      selectedIndex: state.attributeForm?.row, style: theme[.text],
      selectionStyle: theme[.selection]
    ).draw(in: &screen, parts[0])
    let hintRows = parts[1].splitRows([.fixed(1), .fixed(1)])
    TextLine("↑↓ row  Esc closes", style: theme[.dim]).draw(in: &screen, hintRows[0])
    TextLine("type, Enter sets/next", style: theme[.dim]).draw(in: &screen, hintRows[1])
  }

  private static func box(_ title: String, theme: Theme) -> Border {
    Border(style: theme[.border], title: title, titleStyle: theme[.title])
  }

  /// The schema color of a label (or the redaction color) as a 24-bit color; the theme's label
  /// role for unknown ones.
  private static func labelStyle(_ name: String, _ state: AppState, _ theme: Theme) -> Style {
    let known = name == Redaction.label ? Redaction.color : state.schema.label(named: name)?.color
    guard let color = known else { return theme[.label] }
    return Style(foreground: .rgb(red: color.red, green: color.green, blue: color.blue))
  }

  private static func detail(of shape: AnnotationShape) -> String {
    switch shape {
    case .box(let box): return "\(NumberText.compact(box.width))×\(NumberText.compact(box.height))"
    case .polygon(let points): return "\(points.count) pts"
    case .classification: return ""
    }
  }

  private static func drawStatus(
    _ state: AppState, theme: Theme, into screen: inout ScreenBuffer, _ rect: Rect
  ) {
    let stack = state.currentStack
    let studyDescription = stack?.studyDescription ?? state.study.description
    let descriptions = [studyDescription, stack?.description ?? ""].filter { !$0.isEmpty }
      .joined(separator: " · ")
    var position: [String] = []
    if let stack {
      var slice = "\(state.frameIndex + 1)/\(stack.frameCount)"
      if let millimetres = stack.slicePosition(of: state.frameIndex) {
        slice += " \(NumberText.fixed(millimetres, decimals: 1))mm"
      }
      position.append(slice)
    }
    if let window = state.window.current {
      var text = "W \(NumberText.compact(window.width)) L \(NumberText.compact(window.center))"
      if !state.window.name.isEmpty { text += " \(state.window.name)" }
      if state.window.invert { text += " inv" }
      position.append(text)
    }
    if let readout = state.crosshairReadout { position.append(readout) }
    var right = ["\(NumberText.trimmed(state.zoom, decimals: 2))x"]
    right += state.modeIndicators
    if stack?.burnedInRisk != nil { right.append("burned-in text?") }
    if !state.syncStatus.isEmpty { right.append(state.syncStatus) }
    if !state.conflicts.isEmpty {
      right.append("\(state.conflicts.count) conflict\(state.conflicts.count == 1 ? "" : "s")")
    }
    // Slice and window stay whole on narrow screens; the descriptions give way first.
    StatusLine(
      left: StatusSegment(position.joined(separator: "  "), style: theme[.status]),
      middle: StatusSegment(descriptions, style: theme[.status]),
      right: StatusSegment(right.joined(separator: " "), style: theme[.status]),
      style: theme[.status]
    ).draw(in: &screen, rect)
  }

  /// The command line when open (returning where the cursor goes), else the last message.
  private static func drawBottomLine(
    _ state: AppState, theme: Theme, into screen: inout ScreenBuffer, _ rect: Rect
  ) -> CursorPosition? {
    guard let line = state.commandLine, state.mode == .command else {
      TextLine(state.statusMessage, style: theme[.text]).draw(in: &screen, rect)
      return nil
    }
    // The attribute form types its values here, after the attribute's name.
    let prompt = state.formAttribute.map { "\($0.name) = " } ?? ":"
    TextLine(prompt + line.text, style: theme[.text]).draw(in: &screen, rect)
    let before = String(line.text.prefix(line.cursor))
    let column = min(rect.maxColumn - 1, rect.column + prompt.displayWidth + before.displayWidth)
    return CursorPosition(column: max(rect.column, column), row: rect.row)
  }
}
