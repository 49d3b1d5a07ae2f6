/// The thresholds series assembly splits stacks and raises warnings by.
public struct AssemblyTolerances: Sendable, Equatable {
  /// Direction cosines differing by more than this put frames in different stacks (OHIF's 0.01).
  public var orientationSplitCosine: Double
  /// Orientations inside one stack differing by more than this many degrees raise a warning.
  public var orientationWarningDegrees: Double
  /// Positions closer than this along the slice normal (mm) are the same position.
  public var duplicatePositionMillimetres: Double
  /// A step longer than this multiple of the median spacing is reported as missing slices.
  public var missingSliceFactor: Double
  /// Steps deviating from the median by more than this fraction of it are irregular...
  public var irregularSpacingFraction: Double
  /// ...or by more than this many mm, whichever is larger (DS rounding is not irregularity).
  public var irregularSpacingMillimetres: Double
  /// Angles between the slice normal and the slice steps above this many degrees are tilt.
  public var gantryTiltDegrees: Double

  public init(
    orientationSplitCosine: Double = 0.01, orientationWarningDegrees: Double = 0.01,
    duplicatePositionMillimetres: Double = 0.01, missingSliceFactor: Double = 1.5,
    irregularSpacingFraction: Double = 0.05, irregularSpacingMillimetres: Double = 0.01,
    gantryTiltDegrees: Double = 0.5
  ) {
    self.orientationSplitCosine = orientationSplitCosine
    self.orientationWarningDegrees = orientationWarningDegrees
    self.duplicatePositionMillimetres = duplicatePositionMillimetres
    self.missingSliceFactor = missingSliceFactor
    self.irregularSpacingFraction = irregularSpacingFraction
    self.irregularSpacingMillimetres = irregularSpacingMillimetres
    self.gantryTiltDegrees = gantryTiltDegrees
  }
}
