import DICOM
import Foundation

/// Where known devices burn text into their images: rectangles by manufacturer, model and size.
///
/// Two file forms, both read from bytes the shell supplies:
/// - JSON: `{"rules": [{"manufacturer": "GE", "model": "LOGIQ", "rows": 480, "columns": 640,
///   "rectangles": [{"x": 0, "y": 0, "width": 640, "height": 40}]}]}`
/// - text, one rule a line, `#` comments:
///   `manufacturer | model | ROWSxCOLUMNS | x,y,width,height; x,y,width,height`
///   (an empty field or `*` matches anything).
public struct RedactionRules: Sendable, Equatable {
  /// One device rule.
  public struct Rule: Sendable, Equatable, Codable {
    /// Case-insensitive substring of Manufacturer (0008,0070); empty matches any.
    public var manufacturer: String
    /// Case-insensitive substring of Manufacturer's Model Name (0008,1090); empty matches any.
    public var model: String
    /// Image size the rule applies to; nil matches any.
    public var rows: Int?
    public var columns: Int?
    public var rectangles: [RedactionRectangle]

    public init(
      manufacturer: String, model: String, rows: Int?, columns: Int?,
      rectangles: [RedactionRectangle]
    ) {
      self.manufacturer = manufacturer
      self.model = model
      self.rows = rows
      self.columns = columns
      self.rectangles = rectangles
    }

    func matches(manufacturer: String, model: String, rows: Int?, columns: Int?) -> Bool {
      (self.manufacturer.isEmpty
        || manufacturer.range(of: self.manufacturer, options: .caseInsensitive) != nil)
        && (self.model.isEmpty || model.range(of: self.model, options: .caseInsensitive) != nil)
        && (self.rows == nil || self.rows == rows)
        && (self.columns == nil || self.columns == columns)
    }
  }

  public var rules: [Rule]

  public init(rules: [Rule]) {
    self.rules = rules
  }

  /// Parses a rules file: JSON when it starts with `{`, the line format otherwise.
  public static func parse(_ bytes: [UInt8]) throws(DeidentificationError) -> RedactionRules {
    let text = String(decoding: bytes, as: UTF8.self)
    if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
      return try parseJSON(bytes)
    }
    return try parseLines(text)
  }

  /// Every rectangle of every rule that matches the data set's device and image size.
  public func rectangles(for dataSet: DataSet) -> [RedactionRectangle] {
    let manufacturer = dataSet.string(.manufacturer) ?? ""
    let model = dataSet.string(Tag(0x0008_1090)) ?? ""
    let rows = dataSet.int(.rows)
    let columns = dataSet.int(.columns)
    return rules.filter {
      $0.matches(manufacturer: manufacturer, model: model, rows: rows, columns: columns)
    }.flatMap(\.rectangles)
  }

  private struct JSONFile: Codable {
    var rules: [Rule]
  }

  private static func parseJSON(_ bytes: [UInt8]) throws(DeidentificationError) -> RedactionRules {
    do {
      let file = try JSONDecoder().decode(JSONFile.self, from: Data(bytes))
      for (index, rule) in file.rules.enumerated() {
        try validate(rule.rectangles, where: "rule \(index + 1)")
      }
      return RedactionRules(rules: file.rules)
    } catch let error as DeidentificationError {
      throw error
    } catch {
      throw DeidentificationError("the redaction rules are not valid JSON rules: \(error)")
    }
  }

  private static func parseLines(_ text: String) throws(DeidentificationError) -> RedactionRules {
    var rules: [Rule] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line =
        rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        .first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
      guard !line.isEmpty else { continue }
      let place = "line \(index + 1)"
      let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard fields.count == 4 else {
        throw DeidentificationError(
          "\(place): expected 'manufacturer | model | ROWSxCOLUMNS | x,y,width,height; ...', "
            + "found \(fields.count) fields")
      }
      let (rows, columns) = try size(fields[2], place: place)
      let rectangles = try fields[3].split(separator: ";").map {
        (part) throws(DeidentificationError) -> RedactionRectangle in
        let numbers = part.split(separator: ",").map {
          Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard numbers.count == 4, let x = numbers[0], let y = numbers[1], let width = numbers[2],
          let height = numbers[3]
        else {
          throw DeidentificationError(
            "\(place): a rectangle is four integers 'x,y,width,height', found '\(part)'")
        }
        return RedactionRectangle(x: x, y: y, width: width, height: height)
      }
      try validate(rectangles, where: place)
      rules.append(
        Rule(
          manufacturer: wildcard(fields[0]), model: wildcard(fields[1]), rows: rows,
          columns: columns, rectangles: rectangles))
    }
    return RedactionRules(rules: rules)
  }

  private static func wildcard(_ field: String) -> String { field == "*" ? "" : field }

  private static func size(_ field: String, place: String) throws(DeidentificationError) -> (
    Int?, Int?
  ) {
    if field.isEmpty || field == "*" { return (nil, nil) }
    let parts = field.lowercased().split(separator: "x").map {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    guard parts.count == 2, let rows = parts[0], let columns = parts[1], rows > 0, columns > 0
    else {
      throw DeidentificationError("\(place): image size is 'ROWSxCOLUMNS', found '\(field)'")
    }
    return (rows, columns)
  }

  private static func validate(
    _ rectangles: [RedactionRectangle], where place: String
  ) throws(DeidentificationError) {
    guard !rectangles.isEmpty else {
      throw DeidentificationError("\(place): a rule needs at least one rectangle")
    }
    for rectangle in rectangles where rectangle.width <= 0 || rectangle.height <= 0 {
      throw DeidentificationError(
        "\(place): rectangle at \(rectangle.x),\(rectangle.y) has a width or height of 0 or less")
    }
  }
}
