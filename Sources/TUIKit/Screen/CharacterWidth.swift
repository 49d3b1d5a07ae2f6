/// Display width of a grapheme in terminal columns: 0 (combining), 1, or 2 (East Asian Wide,
/// Fullwidth and emoji), from a small table of the common ranges rather than full Unicode data.
public enum CharacterWidth {
  /// Columns `character` occupies; a cluster takes the width of its first scalar, widened to 2
  /// by an emoji presentation selector (U+FE0F).
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let base = of(scalar: first)
    if base == 1 && character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
      return 2
    }
    return base
  }

  /// Columns of one scalar: 0 for combining and zero-width format characters.
  public static func of(scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if isZeroWidth(value) { return 0 }
    if wideRanges.contains(where: { $0.contains(value) }) { return 2 }
    return 1
  }

  /// Whether the scalar never takes a column of its own and joins the previous grapheme.
  public static func isZeroWidth(_ value: UInt32) -> Bool {
    zeroWidthRanges.contains(where: { $0.contains(value) })
  }

  private static let zeroWidthRanges: [ClosedRange<UInt32>] = [
    0x0300...0x036F,  // combining diacritical marks
    0x0483...0x0489,
    0x0591...0x05BD,
    0x0610...0x061A,
    0x064B...0x065F,
    0x0E31...0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E,
    0x1AB0...0x1AFF,
    0x1DC0...0x1DFF,
    0x200B...0x200F,  // zero-width space, joiners, direction marks
    0x20D0...0x20FF,  // combining marks for symbols
    0xFE00...0xFE0F,  // variation selectors
    0xFE20...0xFE2F,
    0x1F3FB...0x1F3FF,  // skin-tone modifiers
    0xE0100...0xE01EF,
  ]

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initials
    0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
    0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
    0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
    0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
    0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
    0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
    0x2E80...0x303E,  // CJK radicals, punctuation
    0x3041...0x33FF,  // kana, CJK symbols
    0x3400...0x4DBF,  // CJK extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE30...0xFE4F,
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,
    0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
    0x1F200...0x1F251,
    0x1F300...0x1F64F,  // pictographs, emoticons
    0x1F680...0x1F6FF,  // transport and map
    0x1F7E0...0x1F7EB,
    0x1F900...0x1F9FF,  // supplemental pictographs
    0x1FA70...0x1FAFF,
    0x20000...0x3FFFD,  // CJK extensions B and beyond
  ]
}
