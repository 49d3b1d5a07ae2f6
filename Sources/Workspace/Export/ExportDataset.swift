import Annotations

/// One exported image (a frame of an instance) and where it went.
public struct ExportImage: Sendable, Equatable {
  /// 1-based, as COCO numbers images.
  public var id: Int
  /// Relative to the export folder, e.g. `images/train/<uid>_<frame>.png`.
  public var fileName: String
  public var width: Int
  public var height: Int
  public var reference: ImageReference
  public var patientID: String
  public var split: String

  public init(
    id: Int, fileName: String, width: Int, height: Int, reference: ImageReference,
    patientID: String, split: String
  ) {
    self.id = id
    self.fileName = fileName
    self.width = width
    self.height = height
    self.reference = reference
    self.patientID = patientID
    self.split = split
  }
}

/// Everything an export writes: images, their annotations and the label schema.
public struct ExportDataset: Sendable {
  public var images: [ExportImage]
  public var annotations: [Annotation]
  public var schema: LabelSchema

  public init(images: [ExportImage], annotations: [Annotation], schema: LabelSchema) {
    self.images = images
    self.annotations = annotations
    self.schema = schema
  }

  /// Labels that can be drawn (boxes or polygons), in schema order: the detection categories.
  public var geometricLabels: [LabelDefinition] {
    schema.labels.filter { $0.kinds.contains(.box) || $0.kinds.contains(.polygon) }
  }
}
