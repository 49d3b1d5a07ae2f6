import Crypto
import DICOM
import Foundation

/// The secret that makes replacement UIDs, pseudonyms and date offsets repeatable across runs.
///
/// - Warning: Losing the key means later imports get different UIDs and pseudonyms, so files
///   de-identified before and after no longer refer to each other.
public struct DeidentificationKey: Sendable, Equatable {
  /// The key length HMAC-SHA256 is used with here.
  public static let byteCount = 32

  // Kept as bytes: SymmetricKey is not Sendable, and a key is cheap to rebuild per use.
  private let bytes: [UInt8]

  /// A key of exactly 32 bytes; throws for any other length.
  public init(bytes: [UInt8]) throws(DeidentificationError) {
    guard bytes.count == Self.byteCount else {
      throw DeidentificationError(
        "the de-identification key has \(bytes.count) bytes; it must have exactly "
          + "\(Self.byteCount) (make a new key file, or restore the project's key)")
    }
    self.bytes = bytes
  }

  func mac(_ message: String) -> [UInt8] {
    Array(
      HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: bytes)))
  }

  /// `2.25.` and the decimal of the first 128 bits of HMAC-SHA256(key, uid): at most 44 characters.
  public func replacementUID(for uid: String) -> String {
    let digest = mac(uid)
    let high = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    let low = digest.dropFirst(8).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return "2.25." + DeterministicUID.decimal(high: high, low: low)
  }

  /// `ANON-` and 10 base32 characters of HMAC-SHA256(key, patient ID): stable per patient.
  public func pseudonym(forPatientID patientID: String) -> String {
    "ANON-" + Self.base32(mac(patientID), characters: 10)
  }

  /// Whole days to add to this patient's dates: between 365 and 3,652 days into the past.
  ///
  /// Keyed with a prefix the pseudonym does not use, so the pseudonym reveals nothing about
  /// the offset.
  public func dayOffset(forPatientID patientID: String) -> Int {
    let digest = mac("annotty.date-offset\u{0}" + patientID)
    let value = digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    return -(365 + Int(value % 3288))
  }

  private static func base32(_ bytes: [UInt8], characters: Int) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    var output = ""
    var buffer: UInt32 = 0
    var bits = 0
    for byte in bytes where output.count < characters {
      buffer = buffer << 8 | UInt32(byte)
      bits += 8
      while bits >= 5, output.count < characters {
        bits -= 5
        output.append(alphabet[Int((buffer >> UInt32(bits)) & 0x1F)])
      }
    }
    return output
  }
}
