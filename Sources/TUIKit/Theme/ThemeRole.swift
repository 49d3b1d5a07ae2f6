/// What a style is for on screen; a theme file names these under `[roles]`.
public enum ThemeRole: String, Sendable, Hashable, CaseIterable {
  case text
  case dim
  case accent
  case title
  case selection
  case border
  case status
  case statusAlert
  /// Labels whose schema color cannot be shown (or has none).
  case label
  case cursor
  case error
  case warning
  case helpKey
}
