import Foundation

/// The one JSON form of annotations and edits: sorted keys, no escaped slashes, one line.
public enum AnnotationJSON {
  /// An encoder producing the stable form; the same value always gives the same bytes.
  public static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// One JSONL line (without the newline) for `value`.
  public static func line<Value: Encodable>(_ value: Value) throws -> String {
    String(decoding: try makeEncoder().encode(value), as: UTF8.self)
  }

  /// Decodes a value from one JSON text, such as a JSONL line.
  public static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws
    -> Value
  {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }
}
