import Annotations
import Foundation

/// COCO instances JSON: images keyed by SOP Instance UID and frame, boxes as `[x, y, w, h]`,
/// polygons as `segmentation`, categories from the label schema, attributes kept.
public enum COCOWriter {
  /// The JSON for the images of one split (or all images when `split` is nil).
  public static func json(_ dataset: ExportDataset, split: String? = nil) throws -> Data {
    let images = dataset.images.filter { split == nil || $0.split == split }
    let imageIDs = Dictionary(
      images.map { ($0.reference, $0.id) }, uniquingKeysWith: { first, _ in first })
    let categories = dataset.geometricLabels.enumerated().map { index, label in
      Category(id: index + 1, name: label.name, supercategory: "finding")
    }
    let categoryIDs = Dictionary(uniqueKeysWithValues: categories.map { ($0.name, $0.id) })
    var annotations: [Instance] = []
    for annotation in dataset.annotations {
      guard let reference = annotation.target.image, let imageID = imageIDs[reference],
        let categoryID = categoryIDs[annotation.label]
      else { continue }
      let geometry: (bbox: [Double], segmentation: [[Double]], area: Double)
      switch annotation.shape {
      case .box(let box):
        geometry = ([box.x, box.y, box.width, box.height], [], box.width * box.height)
      case .polygon(let points):
        let box = BoundingBox(enclosing: points)
        geometry = (
          [box.x, box.y, box.width, box.height], [points.flatMap { [$0.x, $0.y] }],
          PolygonArea.shoelace(points)
        )
      case .classification:
        continue
      }
      annotations.append(
        Instance(
          id: annotations.count + 1, image_id: imageID, category_id: categoryID,
          bbox: geometry.bbox, segmentation: geometry.segmentation, area: geometry.area,
          iscrowd: 0, annotty_id: annotation.id, attributes: annotation.attributes))
    }
    let document = Document(
      info: Info(description: "annotty export", version: "1"),
      images: images.map {
        Image(
          id: $0.id, file_name: $0.fileName, width: $0.width, height: $0.height,
          sop_instance_uid: $0.reference.sopInstanceUID, frame: $0.reference.frame,
          series_instance_uid: $0.reference.seriesInstanceUID,
          study_instance_uid: $0.reference.studyInstanceUID, patient_id: $0.patientID)
      },
      annotations: annotations, categories: categories)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(document)
  }

  // Field names are COCO's, snake case included.
  private struct Document: Encodable {
    var info: Info
    var images: [Image]
    var annotations: [Instance]
    var categories: [Category]
  }

  private struct Info: Encodable {
    var description: String
    var version: String
  }

  private struct Image: Encodable {
    var id: Int
    var file_name: String
    var width: Int
    var height: Int
    var sop_instance_uid: String
    var frame: Int
    var series_instance_uid: String
    var study_instance_uid: String
    var patient_id: String
  }

  private struct Instance: Encodable {
    var id: Int
    var image_id: Int
    var category_id: Int
    var bbox: [Double]
    var segmentation: [[Double]]
    var area: Double
    var iscrowd: Int
    var annotty_id: String
    var attributes: [String: AttributeValue]
  }

  private struct Category: Encodable {
    var id: Int
    var name: String
    var supercategory: String
  }
}

/// Polygon area by the shoelace formula (absolute value, any winding).
enum PolygonArea {
  static func shoelace(_ points: [ImagePoint]) -> Double {
    guard points.count >= 3 else { return 0 }
    var twice = 0.0
    for index in points.indices {
      let a = points[index]
      let b = points[(index + 1) % points.count]
      twice += a.x * b.y - b.x * a.y
    }
    return abs(twice) / 2
  }
}
