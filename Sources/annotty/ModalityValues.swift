import DICOM
import Imaging

/// The Modality LUT output of a frame, as pydicom's `apply_modality_lut` computes it.
func modalityValues(_ file: DICOMFile, frame: PixelFrame, number: Int, path: String) throws
  -> [Double]
{
  guard frame.samplesPerPixel == 1 else { return frame.doubleSamples() }
  return try reportingInputErrors(in: path) {
    let settings = try DisplaySettings(
      dataSet: file.dataSet, pixels: try file.pixelDescription(), frameIndex: number - 1)
    return settings.modality.apply(to: frame)
  }
}
