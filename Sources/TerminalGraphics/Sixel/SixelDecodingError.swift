/// Why a byte string is not a sixel picture this decoder accepts, and where it went wrong.
public struct SixelDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong with the input.
  public enum Problem: Equatable, Sendable {
    /// No DCS introducer (`ESC P` or 0x90) anywhere in the input.
    case noIntroducer
    /// The DCS has a final byte other than `q`, so it is some other device control string.
    case notSixel(finalByte: UInt8)
    /// The input ended before the string terminator (`ESC \` or 0x9C).
    case unterminated
    /// An ESC inside the sixel data that does not start the string terminator `ESC \`.
    case unexpectedEscape(following: UInt8)
    /// Raster attributes or painted pixels need a picture larger than the decoder's limits.
    case imageTooLarge(width: Int, height: Int)
    /// A colour register number beyond the decoder's register count.
    case registerOutOfRange(register: Int, registers: Int)
  }

  public let problem: Problem
  /// Byte offset in the input where the problem was found.
  public let offset: Int

  /// Records a problem at a byte offset.
  public init(_ problem: Problem, at offset: Int) {
    self.problem = problem
    self.offset = offset
  }

  public var description: String {
    let what: String
    switch problem {
    case .noIntroducer:
      what = "no sixel DCS introducer (ESC P or 0x90) found"
    case .notSixel(let finalByte):
      what = "DCS final byte is 0x\(String(finalByte, radix: 16)), not 'q': not sixel data"
    case .unterminated:
      what = "input ended inside the sixel data, before the string terminator ESC \\"
    case .unexpectedEscape(let following):
      what = "ESC followed by 0x\(String(following, radix: 16)) inside the sixel data, not ESC \\"
    case .imageTooLarge(let width, let height):
      what = "picture of \(width)x\(height) pixels is larger than the decoder allows"
    case .registerOutOfRange(let register, let registers):
      what = "colour register \(register) is beyond the \(registers) registers supported"
    }
    return "sixel: \(what) (byte offset \(offset))"
  }
}
