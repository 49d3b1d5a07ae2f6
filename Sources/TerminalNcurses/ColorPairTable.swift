import TUIKit

/// ncurses color pairs handed out on demand, one per foreground/background combination.
///
/// Pair 0 is the terminal's default colors; when the table is full further combinations fall
/// back to it rather than failing (text stays readable, only its colors are lost).
public struct ColorPairTable: Sendable {
  /// A pair that must be created with `init_pair` before use.
  public struct NewPair: Sendable, Equatable {
    public var pair: Int16
    public var foreground: Int16
    public var background: Int16
  }

  public let depth: ColorDepth?
  public let colorCount: Int
  public let pairLimit: Int
  private var pairs: [PairKey: Int16] = [:]

  private struct PairKey: Hashable {
    var foreground: Int16
    var background: Int16
  }

  /// A table for a terminal with `colorCount` colors (ncurses `COLORS`) and `pairCount` pairs
  /// (`COLOR_PAIRS`); fewer than 8 colors means no color at all.
  public init(colorCount: Int, pairCount: Int) {
    self.colorCount = colorCount
    depth = colorCount >= 8 ? ColorDepth(colorCount: colorCount) : nil
    // init_pair takes a short, so pairs above Int16.max cannot be made.
    pairLimit = max(0, min(pairCount, Int(Int16.max)))
  }

  /// The pair to draw `style` with, and the pair to create first if it is new.
  public mutating func pair(for style: Style) -> (pair: Int16, new: NewPair?) {
    guard let depth else { return (0, nil) }
    let reduced = style.reduced(to: depth)
    let key = PairKey(
      foreground: cursesColor(reduced.foreground), background: cursesColor(reduced.background))
    if key.foreground == -1 && key.background == -1 { return (0, nil) }
    if let existing = pairs[key] { return (existing, nil) }
    let next = pairs.count + 1
    guard next < pairLimit else { return (0, nil) }
    let pair = Int16(next)
    pairs[key] = pair
    return (pair, NewPair(pair: pair, foreground: key.foreground, background: key.background))
  }

  /// Forgets every pair (after a restart of ncurses).
  public mutating func removeAll() {
    pairs.removeAll()
  }

  /// ncurses' number for a reduced color: -1 for the default, else the palette index.
  private func cursesColor(_ color: TerminalColor) -> Int16 {
    switch color {
    case .default: return -1
    case .indexed(let index): return Int(index) < colorCount ? Int16(index) : -1
    case .rgb: return -1  // reduced(to:) never leaves RGB below true color
    }
  }
}
