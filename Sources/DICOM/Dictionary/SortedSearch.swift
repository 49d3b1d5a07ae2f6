extension RandomAccessCollection where Index == Int {
  /// The first index whose element is not ordered before the target (`isBefore` false), in a
  /// collection sorted so that `isBefore` is true for a prefix; `endIndex` if there is none.
  func firstIndex(notBefore isBefore: (Element) -> Bool) -> Int {
    var low = startIndex
    var high = endIndex
    while low < high {
      let middle = low + (high - low) / 2
      if isBefore(self[middle]) {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }
}
