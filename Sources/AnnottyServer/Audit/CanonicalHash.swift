import Crypto
import Foundation

/// SHA-256 over length-prefixed fields: unambiguous whatever characters the values hold, and
/// independent of any JSON encoder's choices, so hashes stored today still match tomorrow.
enum CanonicalHash {
  static func of(_ fields: [String?], after prefix: String = "") -> String {
    var canonical = prefix
    for field in fields {
      if let field {
        canonical += "\(field.utf8.count):\(field);"
      } else {
        canonical += "-;"
      }
    }
    return hex(SHA256.hash(data: Data(canonical.utf8)))
  }

  static func of(body: String) -> String {
    hex(SHA256.hash(data: Data(body.utf8)))
  }

  static func hex(_ digest: some Sequence<UInt8>) -> String {
    digest.map { String(format: "%02x", $0) }.joined()
  }
}
