import Foundation

/// The JSON conventions of the wire: snake_case keys, ISO 8601 times as strings.
public enum SyncJSON {
  /// The protocol version both sides speak; a request with another one is refused.
  public static let protocolVersion = 1

  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    return encoder
  }

  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }
}

/// Limits both sides keep to.
public enum SyncLimits {
  /// Mutations in one push.
  public static let maximumPushMutations = 500
  /// Bytes of one push request body.
  public static let maximumPushBytes = 1 << 20
  /// Changes in one pull page.
  public static let maximumPageChanges = 1000
  /// Bytes of one annotation body.
  public static let maximumBodyBytes = 256 << 10
}
