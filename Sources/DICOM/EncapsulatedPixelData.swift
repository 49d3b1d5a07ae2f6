/// Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table and the fragments that follow it.
public struct EncapsulatedPixelData: Sendable, Equatable {
  /// One item after the Basic Offset Table.
  public struct Fragment: Sendable, Equatable {
    /// Offset of the item's tag from the first item after the offset table (what BOT offsets count).
    public var itemOffset: Int
    /// The fragment's bytes in the data set's buffer.
    public var range: Range<Int>
  }

  public var basicOffsetTable: [UInt32]
  public var fragments: [Fragment]

  /// Groups fragment indices into frames, by the rules of PS3.5 A.4 and what real files need.
  ///
  /// - Parameters:
  ///   - numberOfFrames: from (0028,0008), at least 1.
  ///   - extendedOffsets: (7FE0,0001) when present; it takes precedence over the BOT.
  ///   - fragmentEndsFrame: tells whether a fragment ends a frame (an EOI/EOC marker at its end);
  ///     used only when there is no offset table and the counts do not decide.
  public func frameFragmentIndices(
    numberOfFrames: Int, extendedOffsets: [UInt64]?,
    fragmentEndsFrame: (Fragment) -> Bool
  ) throws -> [[Int]] {
    guard !fragments.isEmpty else {
      throw DICOMError(
        .invalidPixelData, "encapsulated pixel data has no fragments", tag: .pixelData)
    }
    if let extendedOffsets, !extendedOffsets.isEmpty {
      return try group(
        byOffsets: extendedOffsets.map { Int(clamping: $0) }, table: "Extended Offset Table")
    }
    if !basicOffsetTable.isEmpty {
      return try group(byOffsets: basicOffsetTable.map { Int($0) }, table: "Basic Offset Table")
    }
    let count = max(numberOfFrames, 1)
    if fragments.count == count { return fragments.indices.map { [$0] } }
    if count == 1 { return [Array(fragments.indices)] }
    var frames: [[Int]] = []
    var current: [Int] = []
    for index in fragments.indices {
      current.append(index)
      if fragmentEndsFrame(fragments[index]) {
        frames.append(current)
        current = []
      }
    }
    if !current.isEmpty { frames.append(current) }
    return frames
  }

  private func group(byOffsets offsets: [Int], table: String) throws -> [[Int]] {
    var starts: [Int] = []
    for offset in offsets {
      guard let index = fragments.firstIndex(where: { $0.itemOffset == offset }) else {
        throw DICOMError(
          .invalidPixelData,
          "the \(table) offset \(offset) does not point at the start of a fragment",
          tag: .pixelData)
      }
      starts.append(index)
    }
    guard starts == starts.sorted() else {
      throw DICOMError(
        .invalidPixelData, "the \(table) offsets are not increasing", tag: .pixelData)
    }
    return starts.indices.map { position in
      let end = position + 1 < starts.count ? starts[position + 1] : fragments.count
      return Array(starts[position]..<end)
    }
  }
}
