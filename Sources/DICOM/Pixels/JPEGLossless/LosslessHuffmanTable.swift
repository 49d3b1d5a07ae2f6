/// A DC Huffman table of a lossless JPEG stream (ITU-T T.81 Annex C, decoding per F.2.2.3).
///
/// Codes up to `lookaheadBits` long are resolved by one table look-up on the next bits of the
/// stream; when the difference's extra bits fit in the look-ahead too, the entry holds the
/// difference itself. Longer codes fall back to the canonical max-code search.
struct LosslessHuffmanTable: Sendable {
  static let lookaheadBits = 9
  static let lookaheadSize = 1 << lookaheadBits
  /// Marks a look-ahead entry that holds a whole difference: `difference << 17 | flag | bits`.
  static let wholeDifferenceFlag: Int32 = 1 << 16

  /// Indexed by the next `lookaheadBits` bits: `difference << 17 | wholeDifferenceFlag |
  /// (code length + category)` when code and extra bits both fit, else `category << 8 | code
  /// length`, or 0 when the code is longer than the look-ahead (or not a code at all).
  var lookahead: [Int32]
  /// Largest code of each length 1...16, or -1 when there is none; index 0 unused.
  var maxCode: [Int32]
  /// For each length, `values` index of its first code minus that code.
  var valueOffset: [Int32]
  var values: [UInt8]

  /// Builds the table from the 16 code-length counts and the symbol values of a DHT segment.
  init(codeCounts: [Int], values: [UInt8]) throws(CodecError) {
    guard codeCounts.count == 16, codeCounts.reduce(0, +) == values.count else {
      throw CodecError(
        "Huffman table has \(values.count) values for \(codeCounts.reduce(0, +)) codes")
    }
    self.values = values
    lookahead = [Int32](repeating: 0, count: Self.lookaheadSize)
    maxCode = [Int32](repeating: -1, count: 17)
    valueOffset = [Int32](repeating: 0, count: 17)
    var code = 0
    var index = 0
    for length in 1...16 {
      let count = codeCounts[length - 1]
      if count > 0 {
        valueOffset[length] = Int32(index - code)
        for _ in 0..<count {
          guard code < 1 << length else {
            throw CodecError(
              "Huffman table is not a prefix code: too many codes of length \(length) bits")
          }
          if length <= Self.lookaheadBits {
            fillLookahead(code: code, length: length, category: Int(values[index]))
          }
          code += 1
          index += 1
        }
        maxCode[length] = Int32(code - 1)
      }
      code <<= 1
    }
  }

  private mutating func fillLookahead(code: Int, length: Int, category: Int) {
    let spare = Self.lookaheadBits - length
    guard category <= spare else {
      let entry = Int32(category << 8 | length)
      for index in (code << spare)..<((code + 1) << spare) { lookahead[index] = entry }
      return
    }
    // Every value of the extra bits gets its own run of entries.
    let unused = spare - category
    for extra in 0..<(1 << category) {
      let difference = category == 0 ? 0 : Self.extend(extra, category: category)
      let entry = Int32(difference) << 17 | Self.wholeDifferenceFlag | Int32(length + category)
      let first = (code << category | extra) << unused
      for index in first..<(first + (1 << unused)) { lookahead[index] = entry }
    }
  }

  /// Resolves a code longer than the look-ahead from the next 16 bits of the stream.
  ///
  /// Returns `symbol << 8 | length`, or nil when the bits are not a code of this table.
  func decodeLongCode(nextSixteenBits: Int) -> Int? {
    for length in (Self.lookaheadBits + 1)...16 {
      let code = nextSixteenBits >> (16 - length)
      if code <= Int(maxCode[length]) {
        let index = Int(valueOffset[length]) + code
        guard index >= 0, index < values.count else { return nil }
        return Int(values[index]) << 8 | length
      }
    }
    return nil
  }

  /// The difference that `category` (1...15) extra bits stand for (T.81 F.2.2.1 EXTEND): a
  /// leading 0 bit marks a negative difference, `bits - (2^category - 1)`.
  @inline(__always)
  static func extend(_ bits: Int, category: Int) -> Int {
    let negative = (bits >> (category - 1)) ^ 1
    return bits - (negative << category) + negative
  }
}
