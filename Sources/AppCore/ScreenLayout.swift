import TUIKit

/// Where each part of the screen goes for a terminal size; `view` and the reducer share it.
struct ScreenLayout {
  var viewport: Rect
  var panel: Rect
  /// The viewport and panel together: what the help overlay may cover.
  var main: Rect
  var status: Rect
  /// The command line, or the last message.
  var bottom: Rect

  init(_ size: ScreenSize) {
    let bounds = Rect(column: 0, row: 0, width: size.columns, height: size.rows)
    let rows = bounds.splitRows([.fill, .fixed(1), .fixed(1)])
    main = rows[0]
    status = rows[1]
    bottom = rows[2]
    let panelWidth = size.columns >= 120 ? 34 : 24
    let columns = main.splitColumns([.fill, .fixed(min(panelWidth, size.columns / 2))])
    viewport = columns[0]
    panel = columns[1]
  }
}

extension AppState {
  /// The help overlay for the mode help was opened from.
  func helpOverlay(theme: Theme) -> HelpOverlay {
    let rows = keymap.mode(named: helpMode.rawValue).map {
      KeybindingsDocument.rows($0, catalog: .annotty)
    }
    let entries = (rows ?? []).map {
      HelpEntry(key: $0.keys.joined(separator: " "), description: $0.description)
    }
    return HelpOverlay(
      title: "Keys: \(helpMode.rawValue) mode (? closes)", entries: entries, page: helpPage,
      borderStyle: theme[.border], keyStyle: theme[.helpKey], textStyle: theme[.text])
  }

  /// How many pages the help overlay has at the current screen size.
  var helpPageCount: Int {
    let layout = ScreenLayout(screenSize)
    var scratch = ScreenBuffer(width: screenSize.columns, height: screenSize.rows)
    return helpOverlay(theme: .fallback).draw(in: &scratch, layout.main).pageCount
  }
}
