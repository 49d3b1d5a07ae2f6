/// The smallest and largest integer stored value of a frame, optionally leaving out padding.
struct StoredRange {
  let lowerBound: Int
  let upperBound: Int

  /// Scans `samples` once; nil when every sample is padding (or there are none).
  init?<T: FixedWidthInteger>(_ samples: [T], excluding padding: PixelPadding? = nil) {
    let extremes: (low: T, high: T)
    if let padded = padding?.storedValues,
      padded.upperBound >= Int(T.min), padded.lowerBound <= Int(T.max)
    {
      // Padding inside T's range has bounds that fit in T.
      extremes = Self.extremes(
        samples, paddedFrom: T(clamping: padded.lowerBound),
        through: T(clamping: padded.upperBound))
    } else {
      extremes = Self.extremes(samples)
    }
    guard extremes.low <= extremes.high else { return nil }
    lowerBound = Int(extremes.low)
    upperBound = Int(extremes.high)
  }

  // Both scans stay in T, keep their accumulators local and have no branches on the data,
  // which lets the compiler vectorize them (about 25 us for 512 x 512 int16).

  private static func extremes<T: FixedWidthInteger>(_ samples: [T]) -> (low: T, high: T) {
    samples.withUnsafeBufferPointer { buffer in
      var low = T.max
      var high = T.min
      for sample in buffer {
        low = sample < low ? sample : low
        high = sample > high ? sample : high
      }
      return (low, high)
    }
  }

  private static func extremes<T: FixedWidthInteger>(
    _ samples: [T], paddedFrom padLow: T, through padHigh: T
  ) -> (low: T, high: T) {
    let padSpan = T.Magnitude(truncatingIfNeeded: padHigh &- padLow)
    return samples.withUnsafeBufferPointer { buffer in
      var low = T.max
      var high = T.min
      for sample in buffer {
        // One unsigned compare: the wrapped offset from padLow is small only inside the range.
        // A padded sample is swapped for a value that cannot win.
        let isPadding = T.Magnitude(truncatingIfNeeded: sample &- padLow) <= padSpan
        let forLow = isPadding ? T.max : sample
        let forHigh = isPadding ? T.min : sample
        low = forLow < low ? forLow : low
        high = forHigh > high ? forHigh : high
      }
      return (low, high)
    }
  }
}
