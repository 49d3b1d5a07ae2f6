/// A way of putting pixels on a terminal, in annotty's order of preference.
public enum GraphicsProtocol: String, Sendable, Hashable, CaseIterable {
  /// kitty graphics protocol (APC `_G`): 256 grays, images kept by id.
  case kitty
  /// iTerm2 inline images (OSC 1337 `File=`).
  case iterm2
  /// DEC sixel: at most 101 grays.
  case sixel
  /// Unicode half-blocks (`▀`): two pixels per cell, works everywhere.
  case blocks
}
