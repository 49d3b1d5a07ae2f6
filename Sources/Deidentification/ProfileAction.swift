import DICOM

/// An action code of PS3.15 Table E.1-1 (Basic Application Level Confidentiality Profile).
public enum ProfileAction: String, Sendable {
  /// D: replace with a non-empty dummy value consistent with the VR.
  case dummy = "D"
  /// Z: replace with a zero-length value.
  case zero = "Z"
  /// X: remove.
  case remove = "X"
  /// K: keep (sequences are still cleaned item by item).
  case keep = "K"
  /// C: clean, keeping non-identifying values of similar meaning.
  case clean = "C"
  /// U: replace with a UID that is consistent across the set.
  case uid = "U"
  /// Z/D: Z unless D is needed for IOD conformance.
  case zeroOrDummy = "Z/D"
  /// X/Z: X unless Z is needed for IOD conformance.
  case removeOrZero = "X/Z"
  /// X/D: X unless D is needed for IOD conformance.
  case removeOrDummy = "X/D"
  /// X/Z/D: X unless Z or D is needed for IOD conformance.
  case removeOrZeroOrDummy = "X/Z/D"
  /// X/Z/U*: X unless Z, or U for the UIDs inside the sequence, is needed for conformance.
  case removeOrZeroOrUIDs = "X/Z/U*"
}

/// One row of Table E.1-1: a tag, or a repeating-group pattern such as (60xx,3000), and its action.
struct BasicProfileRow: Sendable {
  var tag: UInt32
  /// Bits of the tag that must match; 0xFFFF_FFFF for a single attribute.
  var mask: UInt32
  var action: ProfileAction
  var name: String

  init(_ tag: UInt32, mask: UInt32 = 0xFFFF_FFFF, _ action: ProfileAction, _ name: String) {
    self.tag = tag
    self.mask = mask
    self.action = action
    self.name = name
  }

  func matches(_ candidate: Tag) -> Bool { candidate.rawValue & mask == tag & mask }
}
