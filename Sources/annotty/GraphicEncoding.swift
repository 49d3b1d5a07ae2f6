import Imaging
import TerminalGraphics

/// Encoding a display image for a terminal, with failures reported against `path`.
enum GraphicEncoding {
  /// The sixel for `image` as `annotty show --protocol sixel` would send it at this size.
  static func sixel(_ image: DisplayImage, levels: Int, path: String) throws -> [UInt8] {
    let fit = ImageFit(
      pixelWidth: image.width, pixelHeight: image.height, columns: 1, rows: 1)
    do {
      return try TerminalImageEncoder.graphic(
        image, as: .sixel, fit: fit, options: .init(grayLevels: levels))
    } catch {
      throw InputError(path: path, message: error.description)
    }
  }
}
