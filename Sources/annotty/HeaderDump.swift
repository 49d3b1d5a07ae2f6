import DICOM
import Foundation

/// One element as `annotty info` reports it: text lines or a JSON object.
struct DumpedElement: Encodable {
  var tag: String
  var vr: String
  var keyword: String
  var value: [String]?
  var length: Int
  var items: [[DumpedElement]]?
  var fragments: Int?

  init(_ element: DataElement, in dataSet: DataSet) {
    tag = element.tag.description
    vr = element.vr.rawValue
    keyword = Self.keyword(for: element.tag, in: dataSet)
    length = element.length
    switch element.content {
    case .sequence(let sequenceItems):
      items = sequenceItems.map { item in item.elements.map { DumpedElement($0, in: item) } }
    case .encapsulated(let pixels):
      fragments = pixels.fragments.count
    case .bytes:
      if Self.isBinary(element.vr) {
        value = nil
      } else {
        value = dataSet.values(of: element)
      }
    }
  }

  static func keyword(for tag: Tag, in dataSet: DataSet) -> String {
    if let entry = DataDictionary.entry(for: tag.rawValue) { return entry.keyword }
    if tag.isPrivate {
      let block = UInt16(tag.element >> 8)
      if tag.element > 0xFF,
        let creator = dataSet.string(Tag(group: tag.group, element: block))
      {
        return "Private [\(creator)]"
      }
      return "Private"
    }
    return "Unknown"
  }

  static func isBinary(_ vr: VR) -> Bool {
    [.OB, .OD, .OF, .OL, .OV, .OW, .UN].contains(vr)
  }

  /// dcmdump-like lines, indented by nesting depth.
  func lines(depth: Int) -> [String] {
    let indent = String(repeating: "  ", count: depth)
    let summary: String
    if let items {
      summary = "\(items.count) item\(items.count == 1 ? "" : "s")"
    } else if let fragments {
      summary = "encapsulated, \(fragments) fragment\(fragments == 1 ? "" : "s")"
    } else if let value {
      let joined = value.joined(separator: "\\")
      summary = joined.count > 80 ? String(joined.prefix(77)) + "..." : joined
    } else {
      summary = "<\(length) bytes>"
    }
    let name = keyword.padding(toLength: max(keyword.count, 36), withPad: " ", startingAt: 0)
    var result = ["\(indent)\(tag) \(vr) \(name) \(summary)"]
    for (number, item) in (items ?? []).enumerated() {
      result.append("\(indent)  > item \(number + 1)")
      result += item.flatMap { $0.lines(depth: depth + 1) }
    }
    return result
  }
}

/// The whole file as `annotty info --json` prints it.
struct DumpedFile: Encodable {
  var file: String
  var transferSyntax: String
  var transferSyntaxUID: String
  var meta: [DumpedElement]
  var dataSet: [DumpedElement]
  var warnings: [String]

  init(path: String, file: DICOMFile) {
    self.file = path
    transferSyntax = file.transferSyntax.name
    transferSyntaxUID = file.transferSyntax.uid
    meta = file.meta.elements.map { DumpedElement($0, in: file.meta) }
    dataSet = file.dataSet.elements.map { DumpedElement($0, in: file.dataSet) }
    warnings = file.warnings.map(\.description)
  }

  func text() -> String {
    var lines: [String] = []
    if !meta.isEmpty {
      lines.append("# File Meta Information")
      lines += meta.flatMap { $0.lines(depth: 0) }
      lines.append("")
    }
    lines.append("# Data Set (\(transferSyntax), \(transferSyntaxUID))")
    lines += dataSet.flatMap { $0.lines(depth: 0) }
    for warning in warnings { lines.append("# warning: \(warning)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
