import DICOM
import Imaging

/// A decoded frame made ready for display, with what is needed to show it in proportion.
struct DisplayFrame {
  var image: DisplayImage
  var aspect: PixelAspect

  /// Reads frame `number` (1-based) of the file at `path` and windows it as `windowing` says
  /// (gray), or converts it to RGB (color and palette images).
  init(path: String, frame number: Int, windowing: WindowOptions) throws {
    try self.init(path: path, frame: number, voi: try windowing.selection())
  }

  /// Frame `number` (1-based) with `choice` as its window, or the file's own when nil.
  init(path: String, frame number: Int, voi choice: VOISelection?) throws {
    try self.init(file: try readDICOMFile(path), path: path, frame: number, voi: choice)
  }

  /// The same from a file already parsed, so callers showing many frames of one multi-frame
  /// object read and parse it once.
  init(file parsed: DICOMFile, path: String, frame number: Int, voi choice: VOISelection?) throws {
    let decoded = try decodeFrame(parsed, number: number, path: path)
    image = try reportingInputErrors(in: path) {
      let pixels = try parsed.pixelDescription()
      let settings = try DisplaySettings(
        dataSet: parsed.dataSet, pixels: pixels, frameIndex: number - 1)
      if let palette = settings.palette, decoded.samplesPerPixel == 1 {
        return .color(try palette.render(decoded))
      }
      if decoded.samplesPerPixel > 1 {
        return .color(try ColorRenderer.render(decoded, bitsStored: pixels.bitsStored))
      }
      return .gray(try settings.renderer(voi: choice).render(decoded))
    }
    aspect = PixelAspect(dataSet: parsed.dataSet, frameIndex: number - 1)
  }
}
