/// Turns the bytes a terminal in raw mode sends into key and paste events.
///
/// Feed bytes in chunks of any size; a sequence split across chunks is kept until it completes.
/// A lone ESC cannot be told from the start of a sequence, so it stays pending until `flush()`,
/// which the caller invokes when no byte arrived for its ESCDELAY (about 25 ms).
public struct TerminalInputParser: Sendable {
  /// Longest escape sequence accepted; a longer one is garbage and is dropped whole.
  public static let maximumSequenceLength = 64

  private var buffer: [UInt8] = []
  /// The paste read so far, while between `ESC [ 200 ~` and `ESC [ 201 ~`.
  private var paste: [UInt8]?

  public init() {}

  /// Whether bytes are waiting for more input (the caller then arms its ESCDELAY timer).
  public var hasPendingInput: Bool { !buffer.isEmpty || paste != nil }

  /// Decodes as many complete events as `bytes` (after what is pending) hold.
  public mutating func feed(_ bytes: some Sequence<UInt8>) -> [TerminalInputEvent] {
    buffer.append(contentsOf: bytes)
    var events: [TerminalInputEvent] = []
    var position = 0
    while position < buffer.count {
      if paste != nil {
        position = consumePaste(from: position, into: &events)
        if paste != nil { break }
        continue
      }
      switch TerminalByteDecoder(bytes: buffer).decode(at: position) {
      case .needMore:
        if buffer.count - position > Self.maximumSequenceLength {
          position += 1  // Cannot happen for a well-formed prefix; never stall on it.
          continue
        }
        buffer.removeFirst(position)
        return events
      case .event(let event, let length):
        if let event { events.append(event) }
        position += length
      case .pasteStart(let length):
        paste = []
        position += length
      }
    }
    buffer.removeFirst(position)
    return events
  }

  /// Resolves what is pending after the ESCDELAY timeout: a lone ESC becomes Escape, `ESC [` and
  /// `ESC O` become Alt+`[` and Alt+`O`, incomplete sequences are dropped. A paste keeps waiting.
  public mutating func flush() -> [TerminalInputEvent] {
    guard paste == nil, !buffer.isEmpty else { return [] }
    defer { buffer.removeAll() }
    let escape = UInt8(0x1B)
    switch buffer.count {
    case 1 where buffer[0] == escape:
      return [.key(KeyEvent(.escape))]
    case 2 where buffer[0] == escape && buffer[1] == escape:
      return [.key(KeyEvent(.escape)), .key(KeyEvent(.escape))]
    case 2 where buffer[0] == escape && (buffer[1] == 0x5B || buffer[1] == 0x4F):
      let character = Character(Unicode.Scalar(buffer[1]))
      return [.key(.character(character, modifiers: .alt))]
    default:
      return []
    }
  }

  /// Moves paste bytes out of the buffer until the end marker; keeps a possible partial marker.
  private mutating func consumePaste(from start: Int, into events: inout [TerminalInputEvent])
    -> Int
  {
    let marker: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]  // ESC [ 2 0 1 ~
    var index = start
    while index < buffer.count {
      if buffer[index] == marker[0] {
        let available = min(marker.count, buffer.count - index)
        if buffer[index..<index + available].elementsEqual(marker[0..<available]) {
          if available < marker.count {
            paste?.append(contentsOf: buffer[start..<index])
            return index  // The partial marker stays buffered for the next chunk.
          }
          paste?.append(contentsOf: buffer[start..<index])
          events.append(.paste(String(decoding: paste ?? [], as: UTF8.self)))
          paste = nil
          return index + marker.count
        }
      }
      index += 1
    }
    paste?.append(contentsOf: buffer[start..<index])
    return index
  }
}
