/// Which VOI stage a grayscale frame goes through; window and VOI LUT are alternatives.
public enum VOISelection: Sendable, Equatable {
  /// A window from the data set, a preset or the user.
  case window(Window)
  /// An item of the VOI LUT Sequence.
  case lut(VOILUT)
  /// A LINEAR window spanning the frame's modality values, padding and NaN left out.
  case auto
}
