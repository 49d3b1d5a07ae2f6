/// A problem with a stack's geometry, with the numbers a person needs to judge it.
public enum StackWarning: Sendable, Equatable, CustomStringConvertible {
  case missingSlices(MissingSlices)
  case irregularSpacing(IrregularSpacing)
  case gantryTilt(GantryTilt)
  case duplicatePositions(DuplicatePositions)
  case inconsistentOrientation(InconsistentOrientation)
  /// A stack with 3-D geometry but fewer than 2 frames: no slice spacing, no volume.
  case tooFewFrames(count: Int)
  /// Some frames lack Image Position (Patient) or orientation, so the stack is in Instance
  /// Number order instead.
  case missingPositions(framesWithoutPosition: Int, frameCount: Int)

  public var description: String {
    switch self {
    case .missingSlices(let gap): gap.description
    case .irregularSpacing(let spacing): spacing.description
    case .gantryTilt(let tilt): tilt.description
    case .duplicatePositions(let duplicates): duplicates.description
    case .inconsistentOrientation(let orientation): orientation.description
    case .tooFewFrames(let count):
      "Only \(count) frame\(count == 1 ? "" : "s") with 3-D geometry: not a volume, no slice spacing"
    case .missingPositions(let missing, let total):
      "\(missing) of \(total) frames have no Image Position/Orientation (Patient): "
        + "ordered by Instance Number, geometry not checked"
    }
  }
}

/// A step between neighbouring slices much longer than the median: slices likely missing.
public struct MissingSlices: Sendable, Equatable, CustomStringConvertible {
  /// 1-based index in the stack of the frame before the gap; the next frame follows it.
  public var afterFrame: Int
  /// Positions along the slice normal (mm) on either side of the gap.
  public var fromDistance: Double
  public var toDistance: Double
  public var medianSpacing: Double
  /// How many slices at the median spacing would fill the gap.
  public var likelyMissing: Int

  public init(
    afterFrame: Int, fromDistance: Double, toDistance: Double, medianSpacing: Double,
    likelyMissing: Int
  ) {
    self.afterFrame = afterFrame
    self.fromDistance = fromDistance
    self.toDistance = toDistance
    self.medianSpacing = medianSpacing
    self.likelyMissing = likelyMissing
  }

  public var gap: Double { toDistance - fromDistance }

  public var description: String {
    let ratio = medianSpacing > 0 ? gap / medianSpacing : 0
    let plural = likelyMissing == 1 ? "slice" : "slices"
    return "Missing images? Gap of \(formatNumber(gap)) mm between frame \(afterFrame) "
      + "(at \(formatNumber(fromDistance)) mm) and frame \(afterFrame + 1) "
      + "(at \(formatNumber(toDistance)) mm) is \(formatNumber(ratio))x the median "
      + "spacing of \(formatNumber(medianSpacing)) mm: about \(likelyMissing) \(plural) missing"
  }
}

/// Slice steps that vary more than the tolerance (not counting gaps reported as missing).
public struct IrregularSpacing: Sendable, Equatable, CustomStringConvertible {
  public var minimum: Double
  public var maximum: Double
  public var median: Double
  public var tolerance: Double
  /// Every step between distinct positions along the normal, in stack order (mm).
  public var spacings: [Double]

  public init(
    minimum: Double, maximum: Double, median: Double, tolerance: Double, spacings: [Double]
  ) {
    self.minimum = minimum
    self.maximum = maximum
    self.median = median
    self.tolerance = tolerance
    self.spacings = spacings
  }

  public var description: String {
    let shown = spacings.prefix(24).map(formatNumber).joined(separator: " ")
    let more = spacings.count > 24 ? " ..." : ""
    return "Interslice distance varies in this stack: min \(formatNumber(minimum)), "
      + "max \(formatNumber(maximum)), median \(formatNumber(median)) mm "
      + "(tolerance \(formatNumber(tolerance)) mm); dx = \(shown)\(more)"
  }
}

/// Slices stepping at an angle to their normal: acquired with a tilted gantry.
public struct GantryTilt: Sendable, Equatable, CustomStringConvertible {
  /// Angle between the slice normal and the first-to-last position step, in degrees.
  public var degrees: Double
  /// Gantry/Detector Tilt (0018,1120) as the header states it, when present.
  public var headerDegrees: Double?
  /// Median step along the slice normal (mm): the true slice spacing of the tilted volume.
  public var spacingAlongNormal: Double?

  public init(degrees: Double, headerDegrees: Double?, spacingAlongNormal: Double?) {
    self.degrees = degrees
    self.headerDegrees = headerDegrees
    self.spacingAlongNormal = spacingAlongNormal
  }

  public var description: String {
    var text = "Gantry tilt: slices step at \(formatNumber(degrees)) degrees to their normal"
    if let headerDegrees {
      text += " (Gantry/Detector Tilt (0018,1120) says \(formatNumber(headerDegrees)))"
    }
    if let spacingAlongNormal {
      text += "; spacing along the normal \(formatNumber(spacingAlongNormal)) mm"
    }
    return text + "; a volume needs shearing to be geometrically correct"
  }
}

/// Frames at the same position along the normal (multi-echo, repeats, time series).
public struct DuplicatePositions: Sendable, Equatable, CustomStringConvertible {
  /// One place where several frames sit.
  public struct Site: Sendable, Equatable {
    /// Position along the slice normal (mm).
    public var distance: Double
    public var position: PatientVector
    public var frameCount: Int

    public init(distance: Double, position: PatientVector, frameCount: Int) {
      self.distance = distance
      self.position = position
      self.frameCount = frameCount
    }
  }

  public var sites: [Site]

  public init(sites: [Site]) { self.sites = sites }

  /// Frames beyond the first at each site.
  public var extraFrames: Int { sites.reduce(0) { $0 + $1.frameCount - 1 } }

  public var description: String {
    let shown = sites.prefix(5).map {
      "\($0.frameCount) at \(formatNumber($0.distance)) mm \($0.position)"
    }.joined(separator: ", ")
    let more = sites.count > 5 ? ", ..." : ""
    return "Duplicate positions: \(extraFrames) extra frame\(extraFrames == 1 ? "" : "s") at "
      + "\(sites.count) position\(sites.count == 1 ? "" : "s") (\(shown)\(more)); "
      + "probably echoes or time points not told apart by the headers"
  }
}

/// Frames of one stack whose orientations differ by more than the warning tolerance.
public struct InconsistentOrientation: Sendable, Equatable, CustomStringConvertible {
  public var maximumDegrees: Double
  public var framesDiffering: Int

  public init(maximumDegrees: Double, framesDiffering: Int) {
    self.maximumDegrees = maximumDegrees
    self.framesDiffering = framesDiffering
  }

  public var description: String {
    "Image orientation varies inside the stack: \(framesDiffering) frame"
      + "\(framesDiffering == 1 ? "" : "s") differ by up to "
      + "\(formatNumber(maximumDegrees)) degrees from the reference frame"
  }
}
