import DICOM
import Foundation

/// Walks a data set and its sequences, applying the table's actions element by element.
struct DataSetCleaner {
  let key: DeidentificationKey
  let options: DeidentificationOptions
  /// The original Patient ID (or name) that keys the pseudonym and the date offset.
  let patientKey: String
  let dayOffset: Int
  var report = DeidentificationReport()

  /// Free-text VRs replaced inside a sequence the table marks D (SR Content Sequence and the
  /// like), where the table lists only some of the attributes that can carry names and text.
  private static let freeTextVRs: Set<VR> = [.PN, .ST, .LT, .UT, .UC]
  /// Text VRs a person may want to review when the profile keeps them.
  private static let reviewVRs: Set<VR> = [.PN, .LO, .SH, .ST, .LT, .UT, .UC, .DA, .DT]
  /// Tags whose values the pseudonym replaces whatever the table says.
  private static let pseudonymTags: Set<Tag> = [.patientID, .patientName]
  private static let patientBirthDate = Tag(0x0010_0030)

  mutating func clean(
    _ dataSet: DataSet, path: [Tag], insideDummySequence: Bool
  ) throws(DeidentificationError) -> WritableDataSet {
    var output = WritableDataSet()
    for element in dataSet.elements {
      let elementPath = path + [element.tag]
      if let cleaned = try clean(
        element, in: dataSet, path: elementPath, insideDummySequence: insideDummySequence)
      {
        output.set(cleaned)
      }
    }
    return output
  }

  private mutating func clean(
    _ element: DataElement, in dataSet: DataSet, path: [Tag], insideDummySequence: Bool
  ) throws(DeidentificationError) -> WritableElement? {
    let tag = element.tag
    // The writer builds group 0002 itself, and group lengths would be stale after cleaning.
    if tag.group == 0x0002 || tag.element == 0x0000 { return nil }
    if tag.group & 1 == 1 {
      report.privateElementsRemoved += 1
      return nil
    }
    try checkBounds(element, in: dataSet, path: path)
    if let action = BasicProfile.action(for: tag) {
      return try apply(action, to: element, in: dataSet, path: path)
    }
    // Overlay attributes other than Overlay Data and Comments describe what is gone, and an
    // orphaned overlay header confuses viewers.
    if tag.group & 0xFF00 == 0x6000 { return nil }
    if insideDummySequence, Self.freeTextVRs.contains(element.vr) {
      report.count(.dummy)
      return dummy(for: element)
    }
    if options.retainLongitudinalModifiedDates, element.vr == .DA || element.vr == .DT {
      return shiftedDate(element, in: dataSet)
    }
    if Self.reviewVRs.contains(element.vr), element.length > 0 {
      report.keptTextElements[tag, default: 0] += 1
    }
    return try copy(element, in: dataSet, path: path, insideDummySequence: insideDummySequence)
  }

  private mutating func apply(
    _ action: ProfileAction, to element: DataElement, in dataSet: DataSet, path: [Tag]
  ) throws(DeidentificationError) -> WritableElement? {
    if Self.pseudonymTags.contains(element.tag) {
      report.pseudonymsApplied += 1
      let pseudonym = key.pseudonym(forPatientID: patientKey)
      return WritableElement(tag: element.tag, vr: element.vr, value: .bytes(Array(pseudonym.utf8)))
    }
    // The birth date is not longitudinal information about care, so it keeps the Basic action.
    if options.retainLongitudinalModifiedDates, element.tag != Self.patientBirthDate {
      switch element.vr {
      case .DA, .DT: return shiftedDate(element, in: dataSet)
      // Whole-day shifts leave the time of day as it was, so the option keeps times.
      case .TM: return try copy(element, in: dataSet, path: path, insideDummySequence: false)
      default: break
      }
    }
    let resolved = Self.resolve(action, isSequence: element.vr == .SQ)
    report.count(resolved)
    switch resolved {
    case .remove:
      return nil
    case .zero:
      let value: WritableElement.Value = element.vr == .SQ ? .sequence([]) : .bytes([])
      return WritableElement(tag: element.tag, vr: element.vr, value: value)
    case .uid:
      return try replacedUIDs(element, in: dataSet, path: path)
    case .dummy:
      if element.vr == .SQ {
        return try copy(element, in: dataSet, path: path, insideDummySequence: true)
      }
      return dummy(for: element)
    case .keep, .clean, .removeOrZeroOrUIDs:
      return try copy(element, in: dataSet, path: path, insideDummySequence: false)
    case .zeroOrDummy, .removeOrZero, .removeOrDummy, .removeOrZeroOrDummy:
      return nil
    }
  }

  /// The action a composite code comes to without the IOD's type for the attribute.
  ///
  /// Elements keep the heavier action that stays conformant whatever the type (D covers Type 1,
  /// Z Type 2). Sequences are emptied or removed rather than given dummy items, which cannot be
  /// made VR-valid; X/Z/U* sequences are walked so their UIDs are replaced consistently.
  static func resolve(_ action: ProfileAction, isSequence: Bool) -> ProfileAction {
    switch action {
    case .zeroOrDummy: return isSequence ? .zero : .dummy
    case .removeOrZero: return .zero
    case .removeOrDummy: return isSequence ? .remove : .dummy
    case .removeOrZeroOrDummy: return isSequence ? .zero : .dummy
    case .removeOrZeroOrUIDs: return isSequence ? .removeOrZeroOrUIDs : .zero
    case .dummy, .zero, .remove, .keep, .clean, .uid: return action
    }
  }

  private func dummy(for element: DataElement) -> WritableElement? {
    guard let bytes = DummyValue.bytes(for: element.vr) else { return nil }
    return WritableElement(tag: element.tag, vr: element.vr, value: .bytes(bytes))
  }

  private func shiftedDate(_ element: DataElement, in dataSet: DataSet) -> WritableElement {
    let text = String(decoding: dataSet.bytes(of: element), as: UTF8.self)
    if text.trimmingCharacters(in: [" ", "\0"]).isEmpty {
      return WritableElement(tag: element.tag, vr: element.vr, value: .bytes([]))
    }
    guard let shifted = DateShift.shifted(text, byDays: dayOffset) else {
      return WritableElement(tag: element.tag, vr: element.vr, value: .bytes([]))
    }
    return WritableElement(tag: element.tag, vr: element.vr, value: .bytes(Array(shifted.utf8)))
  }

  private func replacedUIDs(
    _ element: DataElement, in dataSet: DataSet, path: [Tag]
  ) throws(DeidentificationError) -> WritableElement {
    guard case .bytes = element.content else {
      throw DeidentificationError(
        "the profile replaces this element's UID, but the file holds items there", path: path)
    }
    // Read the bytes directly: a UID under VR UN (implicit files, unknown tags) must be
    // replaced too, not dropped.
    let text = String(decoding: dataSet.bytes(of: element), as: UTF8.self)
    let replaced = text.split(separator: "\\", omittingEmptySubsequences: false).map { value in
      let uid = value.trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
      // Registered UIDs (transfer syntaxes, SOP classes, well-known instances) identify no one.
      return uid.isEmpty || UIDDictionary.entry(for: uid) != nil
        ? uid : key.replacementUID(for: uid)
    }
    let bytes = Array(replaced.joined(separator: "\\").utf8)
    return WritableElement(tag: element.tag, vr: .UI, value: .bytes(bytes))
  }

  private mutating func copy(
    _ element: DataElement, in dataSet: DataSet, path: [Tag], insideDummySequence: Bool
  ) throws(DeidentificationError) -> WritableElement {
    switch element.content {
    case .bytes:
      let bytes = LittleEndianValue.bytes(of: element, in: dataSet)
      return WritableElement(tag: element.tag, vr: element.vr, value: .bytes(bytes))
    case .sequence(let items):
      var cleanedItems: [WritableDataSet] = []
      for item in items {
        cleanedItems.append(
          try clean(item, path: path, insideDummySequence: insideDummySequence))
      }
      return WritableElement(tag: element.tag, vr: .SQ, value: .sequence(cleanedItems))
    case .encapsulated:
      throw DeidentificationError(
        "the pixel data is compressed; decode it and pass the native pixels, because the "
          + "de-identified copy is written uncompressed",
        path: path)
    }
  }

  private func checkBounds(
    _ element: DataElement, in dataSet: DataSet, path: [Tag]
  ) throws(DeidentificationError) {
    guard case .bytes = element.content else { return }
    guard element.valueRange.lowerBound >= 0,
      element.valueRange.upperBound <= dataSet.storage.count
    else {
      throw DeidentificationError(
        "the value runs past the end of the data (\(element.valueRange.upperBound) > "
          + "\(dataSet.storage.count) bytes); the file is truncated",
        path: path)
    }
  }
}
