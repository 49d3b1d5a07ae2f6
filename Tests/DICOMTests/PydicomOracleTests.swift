import DICOM
import Foundation
import TestSupport
import Testing

/// pydicom, an independent reader, must see exactly what we meant to write.
@Suite struct PydicomOracleTests {
  struct PydicomView: Decodable {
    var patientName: String
    var imageType: [String]
    var windowCenter: [Double]
    var explanation: [String]
    var pixelSpacing: [Double]
    var sopInstanceUID: String
    var implementationClassUID: String
    var implementationVersionName: String
    var groupLength: Int
    var pixels: [Int]
    var dtype: String
    var outerCode: String?
    var nestedMeanings: [String]?
    var longTextLength: Int?
    var frameIncrementPointer: Int?
    var gradient: [Double]?
  }

  static let script = """
    import json, sys
    import pydicom
    ds = pydicom.dcmread(sys.argv[1])
    out = {
      "patientName": str(ds.PatientName),
      "imageType": list(ds.ImageType),
      "windowCenter": [float(v) for v in ds.WindowCenter],
      "explanation": list(ds.WindowCenterWidthExplanation),
      "pixelSpacing": [float(v) for v in ds.PixelSpacing],
      "sopInstanceUID": ds.SOPInstanceUID,
      "implementationClassUID": ds.file_meta.ImplementationClassUID,
      "implementationVersionName": ds.file_meta.ImplementationVersionName,
      "groupLength": ds.file_meta.FileMetaInformationGroupLength,
      "pixels": [], "dtype": "",
    }
    if "PixelData" in ds:
      arr = ds.pixel_array
      out["pixels"] = [int(v) for v in arr.ravel()]
      out["dtype"] = str(arr.dtype)
    if (0x0040, 0x0275) in ds:
      outer = ds[0x0040, 0x0275].value[0]
      out["outerCode"] = outer.CodeValue
      out["nestedMeanings"] = [i.CodeMeaning for i in outer.AnatomicRegionSequence]
      out["longTextLength"] = len(ds[0x0040, 0xA160].value)
      out["frameIncrementPointer"] = int(ds.FrameIncrementPointer)
      out["gradient"] = [float(v) for v in ds[0x0018, 0x9089].value]
    print(json.dumps(out))
    """

  private func pydicomView(of dataSet: WritableDataSet) throws -> PydicomView {
    let bytes = try DICOMWriter.part10(
      dataSet, sopClassUID: SampleWritableDataSets.sopClassUID,
      sopInstanceUID: SampleWritableDataSets.sopInstanceUID)
    let folder = try PythonOracle.temporaryDirectory("writer")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("written.dcm")
    try bytes.write(to: path)
    return try PythonOracle.json(PydicomView.self, Self.script, arguments: [path.path])
  }

  @Test func pydicomReadsValuesAndPixels() throws {
    let view = try pydicomView(of: SampleWritableDataSets.imageDataSet())
    #expect(view.patientName == "Phantom^Test1")
    #expect(view.imageType == ["ORIGINAL", "PRIMARY", "AXIAL"])
    #expect(view.windowCenter == [40, 75, 400])
    #expect(view.explanation == ["BRAIN", "SUBDURAL", "BONE"])
    #expect(view.pixelSpacing == [0.45, 0.45])
    #expect(view.sopInstanceUID == SampleWritableDataSets.sopInstanceUID)
    #expect(view.implementationClassUID == DICOMWriter.implementationClassUID)
    #expect(view.implementationVersionName == "ANNOTTY_1")
    #expect(view.dtype == "int16")
    #expect(view.pixels == SampleWritableDataSets.pixels.map(Int.init))
  }

  @Test func pydicomReadsSequencesAndLongValues() throws {
    let view = try pydicomView(of: SampleWritableDataSets.allHelpersDataSet())
    #expect(view.outerCode == "OUTER")
    #expect(view.nestedMeanings == ["Brain", "Brain"])
    #expect(view.longTextLength == SampleWritableDataSets.longText.utf8.count)
    #expect(view.frameIncrementPointer == 0x0018_1063)
    #expect(view.gradient == [0.25, -0.5, 1])
  }
}
