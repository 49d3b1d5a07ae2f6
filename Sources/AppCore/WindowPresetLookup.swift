import Imaging

/// Maps preset names typed on the command line to their `w` key numbers.
enum WindowPresetLookup {
  /// The 1-based key number of the CT preset called `name`; nil when there is none.
  static func number(named name: String) -> Int? {
    guard let preset = WindowPreset.ct(named: name) else { return nil }
    return WindowPreset.ct.firstIndex(of: preset).map { $0 + 1 }
  }
}
