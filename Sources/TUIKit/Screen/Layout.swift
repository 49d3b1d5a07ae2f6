/// One part of a split: a fixed number of cells, a fraction of the whole, or a share of the rest.
public enum LayoutSize: Sendable, Hashable {
  case fixed(Int)
  /// A fraction (0...1) of the length being split, rounded down.
  case fraction(Double)
  /// An equal share of what fixed and fraction parts leave; the last fill takes the remainder.
  case fill
}

extension Rect {
  /// Splits into side-by-side columns; parts that no longer fit get width 0.
  public func splitColumns(_ sizes: [LayoutSize]) -> [Rect] {
    var start = column
    return Self.lengths(sizes, total: width).map { length in
      defer { start += length }
      return Rect(column: start, row: row, width: length, height: height)
    }
  }

  /// Splits into stacked rows; parts that no longer fit get height 0.
  public func splitRows(_ sizes: [LayoutSize]) -> [Rect] {
    var start = row
    return Self.lengths(sizes, total: height).map { length in
      defer { start += length }
      return Rect(column: column, row: start, width: width, height: length)
    }
  }

  /// Shrinks by the given margins; never below zero size.
  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    let newWidth = max(0, width - max(0, left) - max(0, right))
    let newHeight = max(0, height - max(0, top) - max(0, bottom))
    return Rect(
      column: column + min(max(0, left), width), row: row + min(max(0, top), height),
      width: newWidth, height: newHeight)
  }

  /// Shrinks by `amount` on every side.
  public func inset(by amount: Int) -> Rect {
    inset(top: amount, left: amount, bottom: amount, right: amount)
  }

  /// A rect of at most `width` x `height` centered in this one.
  public func centered(width: Int, height: Int) -> Rect {
    let w = min(max(0, width), self.width)
    let h = min(max(0, height), self.height)
    return Rect(
      column: column + (self.width - w) / 2, row: row + (self.height - h) / 2, width: w, height: h)
  }

  /// Lengths for `sizes` along `total` cells: fixed and fraction parts first, in order, each
  /// clipped to what is left; fills share the rest.
  private static func lengths(_ sizes: [LayoutSize], total: Int) -> [Int] {
    var remaining = total
    var lengths = sizes.map { size -> Int in
      let wanted: Int
      switch size {
      case .fixed(let cells): wanted = max(0, cells)
      case .fraction(let share):
        wanted = share.isFinite ? Int((Double(total) * min(max(share, 0), 1)).rounded(.down)) : 0
      case .fill: return 0
      }
      let given = min(wanted, remaining)
      remaining -= given
      return given
    }
    let fills = sizes.indices.filter { sizes[$0] == .fill }
    for (order, index) in fills.enumerated() {
      let share = order == fills.count - 1 ? remaining : remaining / (fills.count - order)
      lengths[index] = share
      remaining -= share
    }
    return lengths
  }
}
