import DICOM

/// Why a data set could not be de-identified: what is wrong and at which element.
///
/// De-identification throws instead of returning a partial result, so no half-cleaned data set
/// can be written by mistake.
public struct DeidentificationError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  /// The element at fault; nested elements are named with their enclosing sequences.
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
