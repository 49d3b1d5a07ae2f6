import DICOM
import Foundation

/// A stack warning as the index keeps it: a stable kind and the message with its numbers.
public struct StoredWarning: Sendable, Hashable, Codable {
  /// `missingSlices`, `irregularSpacing`, `gantryTilt`, `duplicatePositions`,
  /// `inconsistentOrientation`, `tooFewFrames` or `missingPositions`.
  public var kind: String
  public var message: String

  public init(kind: String, message: String) {
    self.kind = kind
    self.message = message
  }

  /// The stored form of an assembly warning.
  public init(_ warning: StackWarning) {
    self.message = warning.description
    switch warning {
    case .missingSlices: kind = "missingSlices"
    case .irregularSpacing: kind = "irregularSpacing"
    case .gantryTilt: kind = "gantryTilt"
    case .duplicatePositions: kind = "duplicatePositions"
    case .inconsistentOrientation: kind = "inconsistentOrientation"
    case .tooFewFrames: kind = "tooFewFrames"
    case .missingPositions: kind = "missingPositions"
    }
  }

  static func encode(_ warnings: [StoredWarning]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(warnings), as: UTF8.self)
  }

  static func decode(_ text: String, stackKey: String) throws -> [StoredWarning] {
    do {
      return try JSONDecoder().decode([StoredWarning].self, from: Data(text.utf8))
    } catch {
      throw WorkspaceError.corruptRow(
        table: "stack", key: stackKey, reason: "warnings_json: \(error)")
    }
  }
}
