/// A point in image pixel coordinates: origin at the top-left corner of the top-left pixel,
/// x to the right, y down (the DICOM SCOORD and COCO convention).
public struct ImagePoint: Sendable, Hashable, Codable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// JSON form `[x, y]`, compact for long polygons.
  public init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    x = try container.decode(Double.self)
    y = try container.decode(Double.self)
    guard container.isAtEnd else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "a point is [x, y]: exactly two numbers")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(x)
    try container.encode(y)
  }
}

/// An axis-aligned rectangle in image pixel coordinates: top-left corner and size.
public struct BoundingBox: Sendable, Hashable, Codable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

extension BoundingBox {
  /// The smallest box holding every point (a zero box at the origin when there are none).
  public init(enclosing points: [ImagePoint]) {
    let xs = points.map(\.x)
    let ys = points.map(\.y)
    let minX = xs.min() ?? 0
    let minY = ys.min() ?? 0
    self.init(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
  }
}

/// The size of an image frame in pixels, for checking that geometry lies inside it.
public struct ImageSize: Sendable, Hashable, Codable {
  public var columns: Int
  public var rows: Int

  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }
}

/// What an annotation marks: a box, a closed polygon, or a classification.
public enum AnnotationShape: Sendable, Hashable {
  case box(BoundingBox)
  /// Closed: the last vertex joins the first, which is not repeated.
  case polygon([ImagePoint])
  /// For a question (the annotation's label is the question id): the chosen answers. For a
  /// label with kind classification: no answers, the label itself is the statement.
  case classification(answers: [String])

  public var kind: AnnotationKind {
    switch self {
    case .box: return .box
    case .polygon: return .polygon
    case .classification: return .classification
    }
  }
}
