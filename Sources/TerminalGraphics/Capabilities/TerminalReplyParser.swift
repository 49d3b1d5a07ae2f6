/// Recognises terminal replies in a byte stream fed in any chunking, skipping anything else.
///
/// Replies may be interleaved with key presses and other junk; an escape sequence cut short by a
/// new `ESC`, by CAN/SUB or by a byte outside its grammar is dropped, never half-recorded.
/// Only 7-bit introducers are recognised (`ESC [`, `ESC P`, `ESC _`): 8-bit C1 bytes collide
/// with UTF-8 text typed by the user. Strings end with `ESC \` or BEL.
public struct TerminalReplyParser: Sendable {
  /// What has been recognised so far.
  public private(set) var replies = TerminalReplies()

  private var state = State.ground
  private var parameterBytes: [UInt8] = []
  private var intermediateBytes: [UInt8] = []
  private var stringBytes: [UInt8] = []
  /// Set when the current sequence broke its grammar or outgrew its bound: consume, then drop.
  private var discardCurrent = false

  private enum State: Sendable {
    case ground
    case escape
    case controlSequence
    case string(StringKind)
    case stringEscape(StringKind)
  }

  private enum StringKind: Sendable {
    case deviceControl
    case applicationProgram
    case ignored
  }

  /// Longest control sequence kept (parameters plus intermediates); replies are far shorter.
  static let maximumControlSequenceLength = 64
  /// Longest string payload kept (DCS, APC); XTVERSION and kitty replies are far shorter.
  static let maximumStringLength = 512

  private static let escapeByte: UInt8 = 0x1B
  private static let bell: UInt8 = 0x07
  private static let cancel: UInt8 = 0x18
  private static let substitute: UInt8 = 0x1A

  public init() {}

  /// Whether at least one DSR sentinel reply (`CSI 0 n`) has arrived.
  public var sawStatusReport: Bool { replies.statusReports > 0 }

  /// Feeds the next bytes read from the terminal.
  public mutating func feed(_ bytes: some Sequence<UInt8>) {
    for byte in bytes { feed(byte) }
  }

  /// Feeds one byte read from the terminal.
  public mutating func feed(_ byte: UInt8) {
    switch state {
    case .ground:
      if byte == Self.escapeByte { state = .escape }
    case .escape:
      enterSequence(after: byte)
    case .controlSequence:
      continueControlSequence(byte)
    case .string(let kind):
      continueString(kind, byte)
    case .stringEscape(let kind):
      if byte == UInt8(ascii: "\\") {
        finishString(kind)
        state = .ground
      } else {
        // Not ST: the string was cut short; this ESC starts whatever comes next.
        state = .escape
        enterSequence(after: byte)
      }
    }
  }

  private mutating func enterSequence(after byte: UInt8) {
    parameterBytes.removeAll(keepingCapacity: true)
    intermediateBytes.removeAll(keepingCapacity: true)
    stringBytes.removeAll(keepingCapacity: true)
    discardCurrent = false
    switch byte {
    case Self.escapeByte: state = .escape
    case UInt8(ascii: "["): state = .controlSequence
    case UInt8(ascii: "P"): state = .string(.deviceControl)
    case UInt8(ascii: "_"): state = .string(.applicationProgram)
    case UInt8(ascii: "]"), UInt8(ascii: "X"), UInt8(ascii: "^"): state = .string(.ignored)
    default: state = .ground
    }
  }

  private mutating func continueControlSequence(_ byte: UInt8) {
    switch byte {
    case 0x30...0x3F:
      // A parameter byte after an intermediate breaks ECMA-48's grammar.
      if !intermediateBytes.isEmpty { discardCurrent = true }
      if reserveControlSequenceByte() { parameterBytes.append(byte) }
    case 0x20...0x2F:
      if reserveControlSequenceByte() { intermediateBytes.append(byte) }
    case 0x40...0x7E:
      if !discardCurrent {
        replies.recordControlSequence(
          parameters: parameterBytes, intermediates: intermediateBytes, final: byte)
      }
      state = .ground
    case Self.escapeByte:
      state = .escape
    case Self.cancel, Self.substitute, 0x80...0xFF:
      state = .ground
    default:
      break  // Other C0 controls and DEL execute in place without ending the sequence.
    }
  }

  /// False (and the sequence marked for dropping) once the sequence outgrows its bound.
  private mutating func reserveControlSequenceByte() -> Bool {
    if parameterBytes.count + intermediateBytes.count >= Self.maximumControlSequenceLength {
      discardCurrent = true
    }
    return !discardCurrent
  }

  private mutating func continueString(_ kind: StringKind, _ byte: UInt8) {
    switch byte {
    case Self.bell:
      finishString(kind)
      state = .ground
    case Self.escapeByte:
      state = .stringEscape(kind)
    case Self.cancel, Self.substitute:
      state = .ground
    default:
      if stringBytes.count >= Self.maximumStringLength {
        discardCurrent = true
      } else {
        stringBytes.append(byte)
      }
    }
  }

  private mutating func finishString(_ kind: StringKind) {
    guard !discardCurrent else { return }
    switch kind {
    case .deviceControl: replies.recordDeviceControlString(stringBytes)
    case .applicationProgram: replies.recordApplicationProgramCommand(stringBytes)
    case .ignored: break
    }
  }
}
