/// The order of one stack's frames and the geometry warnings found while ordering them.
struct StackLayout {
  var orientation: ImageOrientation?
  var ordering: StackOrdering
  var frames: [StackFrame]
  var sliceSpacing: Double?
  var warnings: [StackWarning]

  init(_ candidates: [FrameCandidate], tolerances: AssemblyTolerances) {
    let byInstance = candidates.sorted(by: FrameCandidate.instanceOrder)
    let middle = byInstance.isEmpty ? nil : byInstance[byInstance.count / 2]
    let reference = Self.referenceOrientation(byInstance)
    orientation = reference
    warnings = []
    sliceSpacing = nil

    let withoutGeometry = byInstance.filter { $0.position == nil || $0.orientation == nil }.count
    guard let reference, withoutGeometry == 0, !byInstance.isEmpty else {
      ordering = .instanceNumber
      frames = byInstance.map { Self.frame($0, distance: nil) }
      if withoutGeometry > 0 && withoutGeometry < byInstance.count {
        warnings.append(
          .missingPositions(framesWithoutPosition: withoutGeometry, frameCount: byInstance.count))
      }
      appendOrientationWarning(byInstance, reference: reference, tolerances: tolerances)
      return
    }

    let normal = reference.normal
    let placed = byInstance.enumerated().map { index, candidate in
      (candidate: candidate, distance: candidate.position!.dot(normal), order: index)
    }.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.order < $1.order }
    ordering = .slicePosition
    frames = placed.map { Self.frame($0.candidate, distance: $0.distance) }

    if frames.count < 2 {
      warnings.append(.tooFewFrames(count: frames.count))
    }
    appendOrientationWarning(byInstance, reference: reference, tolerances: tolerances)
    let geometry = SliceSpacingAnalysis(
      frames: frames, normal: normal, tolerances: tolerances,
      headerTilt: middle?.instance.gantryDetectorTilt)
    sliceSpacing = geometry.medianSpacing
    warnings += geometry.warnings
  }

  /// The orientation most frames share exactly; on a tie the middle frame's, not the first's,
  /// so one odd leading frame cannot set the normal (OHIF uses the middle instance).
  private static func referenceOrientation(_ byInstance: [FrameCandidate]) -> ImageOrientation? {
    var counts: [ImageOrientation: Int] = [:]
    for orientation in byInstance.compactMap(\.orientation) { counts[orientation, default: 0] += 1 }
    guard let most = counts.values.max() else { return nil }
    let middle = byInstance.count / 2
    let ranked = byInstance.indices.sorted { (abs($0 - middle), $0) < (abs($1 - middle), $1) }
    return ranked.lazy.compactMap { byInstance[$0].orientation }.first { counts[$0] == most }
  }

  private static func frame(_ candidate: FrameCandidate, distance: Double?) -> StackFrame {
    StackFrame(
      fileReference: candidate.instance.fileReference,
      sopInstanceUID: candidate.instance.sopInstanceUID, frameNumber: candidate.frameNumber,
      instanceNumber: candidate.instance.instanceNumber, position: candidate.position,
      distance: distance)
  }

  private mutating func appendOrientationWarning(
    _ candidates: [FrameCandidate], reference: ImageOrientation?, tolerances: AssemblyTolerances
  ) {
    guard let reference else { return }
    let angles = candidates.compactMap { $0.orientation?.angleDegrees(to: reference) }
    let differing = angles.filter { $0 > tolerances.orientationWarningDegrees }
    if let largest = differing.max() {
      warnings.append(
        .inconsistentOrientation(
          InconsistentOrientation(maximumDegrees: largest, framesDiffering: differing.count)))
    }
  }
}

/// Steps between sorted slice positions: duplicates, gaps, irregular spacing and tilt.
struct SliceSpacingAnalysis {
  var medianSpacing: Double?
  var warnings: [StackWarning] = []

  /// One distinct position along the normal and the frames (1-based indices) sitting there.
  private struct Site {
    var distance: Double
    var position: PatientVector
    var firstFrame: Int
    var lastFrame: Int
    var frameCount: Int { lastFrame - firstFrame + 1 }
  }

  init(
    frames: [StackFrame], normal: PatientVector, tolerances: AssemblyTolerances,
    headerTilt: Double?
  ) {
    var sites: [Site] = []
    for (index, frame) in frames.enumerated() {
      guard let distance = frame.distance, let position = frame.position else { continue }
      if let last = sites.last,
        distance - last.distance <= tolerances.duplicatePositionMillimetres
      {
        sites[sites.count - 1].lastFrame = index + 1
      } else {
        sites.append(
          Site(distance: distance, position: position, firstFrame: index + 1, lastFrame: index + 1))
      }
    }

    let duplicated = sites.filter { $0.frameCount > 1 }
    if !duplicated.isEmpty {
      warnings.append(
        .duplicatePositions(
          DuplicatePositions(
            sites: duplicated.map {
              .init(distance: $0.distance, position: $0.position, frameCount: $0.frameCount)
            })))
    }

    let steps = zip(sites, sites.dropFirst()).map { $1.distance - $0.distance }
    guard let median = median(of: steps) else { return }
    medianSpacing = median
    checkSpacing(sites: sites, steps: steps, median: median, tolerances: tolerances)

    if let first = sites.first, let last = sites.last,
      let degrees = (last.position - first.position).unsignedAngleDegrees(to: normal),
      degrees > tolerances.gantryTiltDegrees
    {
      warnings.append(
        .gantryTilt(
          GantryTilt(degrees: degrees, headerDegrees: headerTilt, spacingAlongNormal: median)))
    }
  }

  private mutating func checkSpacing(
    sites: [Site], steps: [Double], median: Double, tolerances: AssemblyTolerances
  ) {
    // With one step there is nothing to compare it with.
    guard steps.count >= 2, median > tolerances.duplicatePositionMillimetres else { return }
    var regular: [Double] = []
    for (index, step) in steps.enumerated() {
      guard step > tolerances.missingSliceFactor * median else {
        regular.append(step)
        continue
      }
      let missing = max(1, Int((step / median).rounded()) - 1)
      warnings.append(
        .missingSlices(
          MissingSlices(
            afterFrame: sites[index].lastFrame, fromDistance: sites[index].distance,
            toDistance: sites[index + 1].distance, medianSpacing: median, likelyMissing: missing)))
    }
    let tolerance = max(
      tolerances.irregularSpacingMillimetres, tolerances.irregularSpacingFraction * median)
    guard regular.contains(where: { abs($0 - median) > tolerance }),
      let minimum = regular.min(), let maximum = regular.max()
    else { return }
    warnings.append(
      .irregularSpacing(
        IrregularSpacing(
          minimum: minimum, maximum: maximum, median: median, tolerance: tolerance,
          spacings: steps)))
  }
}

/// The middle value (mean of the two middle values for an even count), nil when empty.
func median(of values: [Double]) -> Double? {
  guard !values.isEmpty else { return nil }
  let sorted = values.sorted()
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
