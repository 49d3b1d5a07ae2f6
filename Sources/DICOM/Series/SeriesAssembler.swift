/// Turns instance summaries into displayable stacks: grouped by series, split, sorted, checked.
public enum SeriesAssembler {
  /// Groups image instances by series, splits each series into stacks, orders and checks them.
  ///
  /// Non-image instances (`isImage == false`) are left out. Stacks come out by study, series
  /// number and series UID, and inside a series localizers first, then by echo, time and
  /// acquisition.
  public static func assemble(
    _ instances: [InstanceSummary], tolerances: AssemblyTolerances = AssemblyTolerances()
  ) -> [AssembledSeries] {
    var groups: [SeriesGroupKey: [InstanceSummary]] = [:]
    var order: [SeriesGroupKey] = []
    for instance in instances where instance.isImage {
      let key = SeriesGroupKey(instance)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(instance)
    }
    let sortedKeys = order.sorted {
      ($0.study ?? "", $0.seriesNumber ?? Int.max, $0.identifier)
        < ($1.study ?? "", $1.seriesNumber ?? Int.max, $1.identifier)
    }
    return sortedKeys.flatMap { key in
      assembleSeries(key: key, instances: groups[key] ?? [], tolerances: tolerances)
    }
  }

  private static func assembleSeries(
    key: SeriesGroupKey, instances: [InstanceSummary], tolerances: AssemblyTolerances
  ) -> [AssembledSeries] {
    let candidates = instances.flatMap(FrameCandidate.frames(of:))
    var clusters = OrientationClusters(tolerance: tolerances.orientationSplitCosine)
    var buckets = OrderedBuckets()
    for candidate in candidates {
      let orientation = candidate.orientation.map { clusters.representative(for: $0) }
      buckets.add(candidate, to: splitKey(candidate, orientation: orientation))
    }
    var stacks = OrderedBuckets()
    for (bucketKey, members) in buckets.entries {
      let byAcquisition = AcquisitionSplit.changesGeometry(
        members, orientation: bucketKey.orientation, tolerances: tolerances)
      for member in members {
        var memberKey = bucketKey
        if byAcquisition { memberKey.acquisitionNumber = member.instance.acquisitionNumber }
        stacks.add(member, to: memberKey)
      }
    }

    let keys = stacks.entries.map(\.key)
    let varying = varyingComponentNames(keys)
    var built = stacks.entries.map { stackKey, members in
      makeStack(
        series: key, instances: instances, splitKey: stackKey, members: members, varying: varying,
        tolerances: tolerances)
    }
    built.sort(by: stackOrder)
    disambiguateLabels(&built)
    return built
  }

  private static func splitKey(
    _ candidate: FrameCandidate, orientation: ImageOrientation?
  ) -> StackSplitKey {
    let instance = candidate.instance
    let isMultiFrame = instance.numberOfFrames > 1 || instance.hasPerFrameGeometry
    return StackSplitKey(
      multiFrameInstance: isMultiFrame ? instance.sopInstanceUID ?? instance.fileReference : nil,
      stackID: candidate.stackID,
      isLocalizer: instance.isLocalizer,
      rows: instance.rows,
      columns: instance.columns,
      samplesPerPixel: instance.samplesPerPixel,
      photometricInterpretation: instance.photometricInterpretation,
      orientation: orientation,
      echoNumber: instance.echoNumbers.first,
      temporalPosition: instance.temporalPositionIdentifier ?? candidate.temporalPositionIndex,
      diffusionBValue: instance.diffusionBValue
    )
  }

  private static func makeStack(
    series: SeriesGroupKey, instances: [InstanceSummary], splitKey: StackSplitKey,
    members: [FrameCandidate], varying: Set<String>, tolerances: AssemblyTolerances
  ) -> AssembledSeries {
    let layout = StackLayout(members, tolerances: tolerances)
    let parts = splitKey.components.filter { varying.contains($0.name) }
    let id =
      parts.isEmpty
      ? series.identifier
      : series.identifier + "/" + parts.map { "\($0.name)=\($0.canonical)" }.joined(separator: ";")
    let first = members.first?.instance ?? instances[0]
    return AssembledSeries(
      id: id, studyInstanceUID: series.study, seriesInstanceUID: series.series,
      seriesNumber: first.seriesNumber, seriesDescription: first.seriesDescription,
      modality: first.modality, patientID: first.patientID, patientName: first.patientName,
      label: parts.compactMap(\.label).joined(separator: ", "), splitKey: splitKey,
      rows: splitKey.rows, columns: splitKey.columns, pixelSpacing: first.pixelSpacing,
      orientation: layout.orientation, ordering: layout.ordering, frames: layout.frames,
      sliceSpacing: layout.sliceSpacing, warnings: layout.warnings)
  }

  /// Only attributes that differ between a series' stacks name them; the rest is noise.
  private static func varyingComponentNames(_ keys: [StackSplitKey]) -> Set<String> {
    guard keys.count > 1 else { return [] }
    var values: [String: Set<String>] = [:]
    for key in keys {
      for component in key.components {
        values[component.name, default: []].insert(component.canonical)
      }
    }
    return Set(values.filter { $0.value.count > 1 }.keys)
  }

  private static func stackOrder(_ lhs: AssembledSeries, _ rhs: AssembledSeries) -> Bool {
    func rank(_ stack: AssembledSeries) -> (Int, Int, Int, Int, Int, Int) {
      let key = stack.splitKey
      return (
        key.isLocalizer ? 0 : 1, key.echoNumber ?? 0, key.temporalPosition ?? 0,
        key.diffusionBValue.map { Int($0.rounded()) } ?? 0, key.acquisitionNumber ?? 0,
        stack.frames.compactMap(\.instanceNumber).min() ?? Int.max
      )
    }
    let left = rank(lhs)
    let right = rank(rhs)
    return left != right ? left < right : lhs.id < rhs.id
  }

  /// Two oblique stacks would both read "oblique": number repeated labels.
  private static func disambiguateLabels(_ stacks: inout [AssembledSeries]) {
    guard stacks.count > 1 else { return }
    var counts: [String: Int] = [:]
    for stack in stacks { counts[stack.label, default: 0] += 1 }
    var seen: [String: Int] = [:]
    for index in stacks.indices {
      let label = stacks[index].label
      guard counts[label, default: 0] > 1 || label.isEmpty else { continue }
      seen[label, default: 0] += 1
      let number = seen[label]!
      stacks[index].label = label.isEmpty ? "stack \(number)" : "\(label) \(number)"
    }
  }
}

/// Which series an instance belongs to; instances without a Series Instance UID fall back to
/// their study and Series Number so they still form stacks.
struct SeriesGroupKey: Hashable {
  var study: String?
  var series: String?
  var seriesNumber: Int?

  init(_ instance: InstanceSummary) {
    study = instance.studyInstanceUID
    series = instance.seriesInstanceUID
    seriesNumber = instance.seriesNumber
  }

  var identifier: String {
    series ?? "no-series-uid:\(study ?? "no-study-uid"):\(seriesNumber.map(String.init) ?? "-")"
  }
}

/// Buckets in first-seen order, so assembly does not depend on hashing order.
struct OrderedBuckets {
  private(set) var entries: [(key: StackSplitKey, members: [FrameCandidate])] = []
  private var index: [StackSplitKey: Int] = [:]

  mutating func add(_ candidate: FrameCandidate, to key: StackSplitKey) {
    if let position = index[key] {
      entries[position].members.append(candidate)
    } else {
      index[key] = entries.count
      entries.append((key, [candidate]))
    }
  }
}

/// Orientations within a cosine tolerance of an earlier one share its representative.
struct OrientationClusters {
  let tolerance: Double
  private var representatives: [ImageOrientation] = []

  init(tolerance: Double) { self.tolerance = tolerance }

  mutating func representative(for orientation: ImageOrientation) -> ImageOrientation {
    if let match = representatives.first(where: {
      $0.largestCosineDifference(to: orientation) <= tolerance
    }) {
      return match
    }
    representatives.append(orientation)
    return orientation
  }
}

/// Acquisition Number splits a stack only when acquisitions overlap in space or change pixel
/// spacing: scanners that number every slice as its own acquisition must stay one volume.
enum AcquisitionSplit {
  static func changesGeometry(
    _ members: [FrameCandidate], orientation: ImageOrientation?, tolerances: AssemblyTolerances
  ) -> Bool {
    let acquisitions = Set(members.map(\.instance.acquisitionNumber))
    guard acquisitions.count > 1 else { return false }
    var spacingsByAcquisition: [Int?: Set<[Double]>] = [:]
    for member in members {
      spacingsByAcquisition[member.instance.acquisitionNumber, default: []].insert(
        member.instance.pixelSpacing)
    }
    if Set(spacingsByAcquisition.values).count > 1 { return true }
    guard let normal = orientation?.normal else { return false }
    let placed = members.compactMap { member in
      member.position.map {
        (distance: $0.dot(normal), acquisition: member.instance.acquisitionNumber)
      }
    }.sorted { $0.distance < $1.distance }
    return zip(placed, placed.dropFirst()).contains {
      $1.distance - $0.distance <= tolerances.duplicatePositionMillimetres
        && $0.acquisition != $1.acquisition
    }
  }
}
