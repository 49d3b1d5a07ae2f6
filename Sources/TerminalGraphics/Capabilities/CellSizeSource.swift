/// Where the cell size in pixels came from, most trusted first.
public enum CellSizeSource: String, Sendable, Hashable, CaseIterable {
  /// `ioctl(TIOCGWINSZ)` pixel sizes divided by rows and columns (they passed the plausibility check).
  case windowSizePixels = "TIOCGWINSZ pixels"
  /// The terminal's `CSI 6 ; height ; width t` reply to `CSI 16 t`.
  case cellSizeReport = "CSI 16t reply"
  /// The terminal's `CSI 4 ; height ; width t` reply to `CSI 14 t`, divided by rows and columns.
  case textAreaReport = "CSI 14t reply / cells"
  /// Nothing usable: the 10x20 default that chafa and Windows Terminal also assume.
  case assumedDefault = "assumed default"
}
