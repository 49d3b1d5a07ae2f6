extension AppState {
  /// The active handle as the status line names it (`whole box`, `corner 2/4`, `vertex 3/7`).
  var editHandleName: String { "" }
}
