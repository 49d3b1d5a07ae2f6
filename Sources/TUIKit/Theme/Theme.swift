/// A named mapping from every screen role to a style.
public struct Theme: Sendable, Equatable {
  public var name: String
  public private(set) var styles: [ThemeRole: Style]

  /// Roles missing from `styles` take their style from `Theme.fallback`.
  public init(name: String, styles: [ThemeRole: Style]) {
    self.name = name
    var complete = styles
    for role in ThemeRole.allCases where complete[role] == nil {
      complete[role] = Theme.fallbackStyles[role] ?? .plain
    }
    self.styles = complete
  }

  public subscript(role: ThemeRole) -> Style {
    get { styles[role] ?? .plain }
    set { styles[role] = newValue }
  }

  /// The theme with every color reduced to what the terminal shows.
  public func reduced(to depth: ColorDepth) -> Theme {
    Theme(name: name, styles: styles.mapValues { $0.reduced(to: depth) })
  }

  /// Role names by style, for readable `snapshotStyles`; a style shared by several roles
  /// takes the first role's name in `ThemeRole.allCases` order.
  public var styleNames: [Style: String] {
    var names: [Style: String] = [:]
    for role in ThemeRole.allCases.reversed() { names[self[role]] = role.rawValue }
    return names
  }

  /// Used when no theme file can be read: 16 ANSI colors only, so it works on any terminal.
  public static let fallback = Theme(name: "fallback", styles: fallbackStyles)

  private static let fallbackStyles: [ThemeRole: Style] = [
    .text: Style(),
    .dim: Style(dim: true),
    .accent: Style(foreground: .indexed(6), bold: true),
    .title: Style(bold: true),
    .selection: Style(reverse: true),
    .border: Style(foreground: .indexed(8)),
    .status: Style(foreground: .indexed(0), background: .indexed(7)),
    .statusAlert: Style(foreground: .indexed(15), background: .indexed(1), bold: true),
    .label: Style(foreground: .indexed(3)),
    .cursor: Style(foreground: .indexed(3), bold: true),
    .error: Style(foreground: .indexed(1), bold: true),
    .warning: Style(foreground: .indexed(3)),
    .helpKey: Style(foreground: .indexed(6), bold: true),
  ]
}
