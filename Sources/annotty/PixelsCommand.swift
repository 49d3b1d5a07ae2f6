import ArgumentParser
import Codecs
import DICOM
import Foundation

/// `annotty pixels`: one decoded frame as a NumPy array, for checking against pydicom.
struct PixelsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pixels",
    abstract: "Write a decoded frame as NumPy .npy (what pydicom's pixel_array gives).")

  @Argument(help: "A DICOM file.") var file: String
  @Option(help: "Frame number, starting at 1.") var frame = 1
  @Flag(help: "Write the Modality LUT output (for example Hounsfield units) as float64.")
  var modality = false
  @Option(help: "The .npy file to write.") var out: String

  func validate() throws {
    guard frame >= 1 else { throw ValidationError("--frame starts at 1") }
  }

  func run() throws {
    let parsed = try readDICOMFile(file)
    let decoded = try decodeFrame(parsed, number: frame, path: file)
    if modality {
      let values = try modalityValues(parsed, frame: decoded, number: frame, path: file)
      try writeOutput(
        NumPyFile.encode(
          values: values, rows: decoded.rows, columns: decoded.columns,
          samplesPerPixel: decoded.samplesPerPixel), to: out)
    } else {
      try writeOutput(NumPyFile.encode(decoded), to: out)
    }
  }
}

/// Decodes frame `number` (1-based) with every decoder annotty has.
func decodeFrame(_ file: DICOMFile, number: Int, path: String) throws -> PixelFrame {
  try reportingInputErrors(in: path) { try file.pixelFrame(number - 1, registry: .standard) }
}
