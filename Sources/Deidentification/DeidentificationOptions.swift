/// Which PS3.15 options to apply on top of the Basic Application Level Confidentiality Profile.
public struct DeidentificationOptions: Sendable, Equatable {
  /// Retain Longitudinal Temporal Information with Modified Dates: shift dates per patient.
  public var retainLongitudinalModifiedDates: Bool

  public init(retainLongitudinalModifiedDates: Bool = false) {
    self.retainLongitudinalModifiedDates = retainLongitudinalModifiedDates
  }
}
