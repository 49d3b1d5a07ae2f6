import Annotations

/// YOLO detection labels: one text file per image, one `class cx cy w h` line per box or
/// polygon (its bounding box), all normalised to 0...1; class numbers follow the schema order.
public enum YOLOWriter {
  /// Label file contents keyed by image id (images without annotations get an empty file).
  public static func labelFiles(_ dataset: ExportDataset) -> [Int: String] {
    let classes = Dictionary(
      uniqueKeysWithValues: dataset.geometricLabels.enumerated().map { ($1.name, $0) })
    let images = Dictionary(
      dataset.images.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
    var files = Dictionary(uniqueKeysWithValues: dataset.images.map { ($0.id, "") })
    for annotation in dataset.annotations {
      guard let reference = annotation.target.image, let image = images[reference],
        let classIndex = classes[annotation.label], image.width > 0, image.height > 0
      else { continue }
      let box: BoundingBox
      switch annotation.shape {
      case .box(let value):
        box = value
      case .polygon(let points):
        box = BoundingBox(enclosing: points)
      case .classification:
        continue
      }
      let width = Double(image.width)
      let height = Double(image.height)
      let values = [
        (box.x + box.width / 2) / width, (box.y + box.height / 2) / height, box.width / width,
        box.height / height,
      ].map { format(min(max($0, 0), 1)) }
      files[image.id, default: ""] += "\(classIndex) \(values.joined(separator: " "))\n"
    }
    return files
  }

  /// `classes.txt`: one class name per line, in class-number order.
  public static func classNames(_ dataset: ExportDataset) -> String {
    dataset.geometricLabels.map { $0.name + "\n" }.joined()
  }

  private static func format(_ value: Double) -> String {
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
