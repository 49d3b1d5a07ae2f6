import Crypto
import Foundation

/// The bearer token format: `annotty_`, 43 base62 characters (256 random bits), a 6-character
/// checksum. The checksum lets the server refuse typos and random strings without a DB lookup.
public enum AccessToken {
  public static let prefix = "annotty_"
  static let bodyLength = 43
  static let checksumLength = 6
  static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

  /// A fresh token from 32 bytes of `SystemRandomNumberGenerator`.
  public static func generate() -> String {
    let body = base62(RandomID.bytes(32), width: bodyLength)
    return prefix + body + checksum(of: prefix + body)
  }

  /// True when `token` has the prefix, the length, the alphabet and a matching checksum.
  public static func isWellFormed(_ token: String) -> Bool {
    let utf8 = Array(token.utf8)
    let prefixBytes = Array(prefix.utf8)
    guard utf8.count == prefixBytes.count + bodyLength + checksumLength,
      utf8.starts(with: prefixBytes),
      utf8.dropFirst(prefixBytes.count).allSatisfy({ alphabet.contains($0) })
    else { return false }
    let payload = String(decoding: utf8.dropLast(checksumLength), as: UTF8.self)
    let given = String(decoding: utf8.suffix(checksumLength), as: UTF8.self)
    return checksum(of: payload) == given
  }

  /// SHA-256 of the token: the only form the server stores.
  public static func digest(of token: String) -> Data {
    Data(SHA256.hash(data: Data(token.utf8)))
  }

  /// Compares two digests without an early exit, so timing does not tell how many bytes match.
  static func constantTimeEqual(_ lhs: Data, _ rhs: Data) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
    return difference == 0
  }

  static func checksum(of payload: String) -> String {
    let hash = Array(SHA256.hash(data: Data(payload.utf8)))
    return base62(Array(hash.prefix(4)), width: checksumLength)
  }

  /// Big-endian bytes as base62, left-padded with `0` to `width`.
  static func base62(_ bytes: [UInt8], width: Int) -> String {
    var number = bytes
    var digits: [UInt8] = []
    while number.contains(where: { $0 != 0 }) {
      var remainder = 0
      for index in number.indices {
        let accumulator = remainder * 256 + Int(number[index])
        number[index] = UInt8(accumulator / 62)
        remainder = accumulator % 62
      }
      digits.append(alphabet[remainder])
    }
    while digits.count < width { digits.append(alphabet[0]) }
    return String(decoding: digits.reversed(), as: UTF8.self)
  }
}

/// Random identifiers for tokens and clients (not secrets: they appear in audit rows).
enum RandomID {
  static func make(_ prefix: String) -> String {
    prefix + CanonicalHash.hex(bytes(12))
  }

  /// `count` bytes from `SystemRandomNumberGenerator`.
  static func bytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }
}
