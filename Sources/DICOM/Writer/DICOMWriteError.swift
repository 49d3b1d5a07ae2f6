/// Why a data set could not be written: which element and what is wrong with it.
public struct DICOMWriteError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  /// The element at fault; nested elements are named with their enclosing sequence.
  public var path: [Tag]

  public init(_ message: String, path: [Tag] = []) {
    self.message = message
    self.path = path
  }

  public var description: String {
    guard !path.isEmpty else { return message }
    return "\(message) (element \(path.map(\.description).joined(separator: " > ")))"
  }
}
