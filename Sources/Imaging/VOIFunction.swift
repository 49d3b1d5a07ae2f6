/// VOI LUT Function (0028,1056): how a window maps modality values to the display range.
public enum VOIFunction: String, Sendable, Equatable, CaseIterable {
  /// PS3.3 C.11.2.1.2.1, the default when the attribute is absent.
  case linear = "LINEAR"
  /// PS3.3 C.11.2.1.3.2.
  case linearExact = "LINEAR_EXACT"
  /// PS3.3 C.11.2.1.3.1.
  case sigmoid = "SIGMOID"

  /// Reads the attribute's value, ignoring case and padding spaces or NULs.
  public init(dicomValue: String) throws(ImagingError) {
    let trimmed = dicomValue.trimmingPadding().uppercased()
    guard let function = VOIFunction(rawValue: trimmed) else {
      throw .unsupportedVOIFunction(dicomValue)
    }
    self = function
  }
}

extension String {
  /// The string without leading or trailing spaces and NULs (DICOM value padding).
  func trimmingPadding() -> String {
    let isPadding: (Character) -> Bool = { $0 == " " || $0 == "\0" }
    guard let first = firstIndex(where: { !isPadding($0) }),
      let last = lastIndex(where: { !isPadding($0) })
    else { return "" }
    return String(self[first...last])
  }
}
