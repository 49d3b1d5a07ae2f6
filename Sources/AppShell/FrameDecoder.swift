import AppCore
import Codecs
import DICOM
import Foundation
import Imaging
import TIFF

/// A parsed DICOM file and its header summary, computed once for all its frames: the summary
/// walks every frame's functional groups, which per frame would be quadratic in the frame count.
struct ParsedDICOM {
  var file: DICOMFile
  var summary: InstanceSummary

  init(_ file: DICOMFile, path: String) {
    self.file = file
    summary = InstanceSummary(dataSet: file.dataSet, fileReference: path)
  }
}

/// Reads one frame of a DICOM or TIFF file into a `DecodedFrame`; errors name the file.
enum FrameDecoder {
  static func isTIFF(_ path: String) -> Bool {
    let lowered = path.lowercased()
    return lowered.hasSuffix(".tif") || lowered.hasSuffix(".tiff")
  }

  static func decode(_ location: FrameLocation, parsed: ParsedDICOM) throws -> DecodedFrame {
    let file = parsed.file
    return try describing(location.path) {
      let index = location.frame - 1
      let pixels = try file.pixelFrame(index, registry: .standard)
      let description = try file.pixelDescription()
      let settings = try DisplaySettings(
        dataSet: file.dataSet, pixels: description, frameIndex: index)
      var color: RGBImage?
      if let palette = settings.palette, pixels.samplesPerPixel == 1 {
        color = try palette.render(pixels)
      } else if pixels.samplesPerPixel > 1 {
        color = try ColorRenderer.render(pixels, bitsStored: description.bitsStored)
      }
      let automatic = color == nil ? automaticWindow(pixels, settings: settings) : nil
      var choices = settings.windows.map {
        FileVOI(level: WindowLevel(center: $0.center, width: $0.width), selection: .window($0))
      }
      if let lut = settings.voiLUT {
        // Shown as the window spanning the table's input range; rendered through the table.
        let descriptor = lut.table.descriptor
        choices.append(
          FileVOI(
            level: WindowLevel(
              center: Double(descriptor.firstMappedValue) + Double(descriptor.entryCount) / 2,
              width: Double(max(1, descriptor.entryCount))),
            selection: .lut(lut)))
      }
      var windows = choices.map(\.level)
      if windows.isEmpty, let automatic { windows = [automatic] }
      let modality = file.dataSet.string(.modality)?.trimmingCharacters(in: .whitespaces)
      return DecodedFrame(
        pixels: pixels, modality: settings.modality, padding: settings.padding,
        invertsByDefault: settings.invert, windows: windows, fileVOI: choices,
        automatic: automatic, color: color,
        slicePosition: slicePosition(parsed.summary, frame: index),
        unit: modality == "CT" && settings.modality != .identity ? "HU" : "",
        pixelAspect: PixelAspect(dataSet: file.dataSet, frameIndex: index).heightOverWidth)
    }
  }

  /// Parses the file at `path` (mapped, not read).
  static func readDICOM(_ path: String) throws -> DICOMFile {
    let bytes: Data
    do {
      bytes = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw FrameError(path: path, message: "cannot be read (\(error.localizedDescription))")
    }
    return try describing(path) { try DICOMFile(bytes: bytes) }
  }

  private static func automaticWindow(_ pixels: PixelFrame, settings: DisplaySettings)
    -> WindowLevel?
  {
    guard
      let window = AutoWindow.window(
        for: pixels, modality: settings.modality, padding: settings.padding)
    else { return nil }
    return WindowLevel(center: window.center, width: window.width)
  }

  /// The frame's position along its plane's normal, in mm.
  private static func slicePosition(_ summary: InstanceSummary, frame index: Int) -> Double? {
    let geometry = summary.frames.indices.contains(index) ? summary.frames[index] : nil
    guard let orientation = geometry?.orientation ?? summary.imageOrientation,
      let position = geometry?.position ?? summary.imagePosition
    else { return nil }
    return position.dot(orientation.normal)
  }

  static func decodeTIFF(_ location: FrameLocation) throws -> DecodedFrame {
    let page: TIFFPage
    do {
      page = try TIFFImageFile(path: location.path).readPage(location.frame - 1)
    } catch {
      throw FrameError(path: location.path, message: "\(error)")
    }
    let width = page.info.width
    let height = page.info.height
    let samples: PixelFrame.Samples
    switch page.samples {
    case .uint8(let values): samples = .uint8(values)
    case .uint16(let values): samples = .uint16(values)
    case .int16(let values): samples = .int16(values)
    }
    let pixels = PixelFrame(
      rows: height, columns: width, samplesPerPixel: page.components,
      photometricInterpretation: page.components == 1 ? "MONOCHROME2" : "RGB", samples: samples)
    return try describing(location.path) {
      if page.components > 1 {
        let color = try ColorRenderer.render(pixels, bitsStored: page.info.bitsPerSample)
        return DecodedFrame(
          pixels: pixels, modality: .identity, invertsByDefault: false, windows: [], color: color,
          unit: "")
      }
      let automatic = AutoWindow.window(for: pixels, modality: .identity).map {
        WindowLevel(center: $0.center, width: $0.width)
      }
      return DecodedFrame(
        pixels: pixels, modality: .identity, invertsByDefault: false,
        windows: automatic.map { [$0] } ?? [], automatic: automatic, unit: "")
    }
  }

  private static func describing<Result>(_ path: String, _ body: () throws -> Result) throws
    -> Result
  {
    do {
      return try body()
    } catch let error as FrameError {
      throw error
    } catch {
      throw FrameError(path: path, message: "\(error)")
    }
  }
}

/// A frame that could not be shown: which file, what is wrong.
struct FrameError: Error, CustomStringConvertible {
  var path: String
  var message: String
  var description: String { "\((path as NSString).lastPathComponent): \(message)" }
}
