import DICOM
import Foundation
import SampleData
import TestSupport
import Testing

/// pydicom must read the sample as we do: values, geometry and pixel arrays.
@Suite struct PydicomSampleTests {
  struct PydicomView: Decodable {
    var ctCount: Int
    var ctPositions: [[Double]]
    var ctPatientNames: [String]
    var ctSlices: [String: [Int]]
    var ctDtype: String
    var mrShape: [Int]
    var mrDtype: String
    var mrPositions: [[Double]]
    var mrFrames: [String: [Int]]
    var mrPixelSpacing: [Double]
    var mrWindowCenter: Double
  }

  static let ctSlices = [0, 31, 63]
  static let mrFrames = [0, 12, 23]

  static let script = """
    import json, sys, pathlib
    import pydicom
    root = pathlib.Path(sys.argv[1])
    ct_slices = [int(v) for v in sys.argv[2].split(",")]
    mr_frames = [int(v) for v in sys.argv[3].split(",")]
    ct = [pydicom.dcmread(p) for p in sorted((root / "PHANTOM-0001" / "CT_HEAD").glob("*.dcm"))]
    ct.sort(key=lambda ds: int(ds.InstanceNumber))
    mr = pydicom.dcmread(root / "PHANTOM-0002" / "MR_T2_ENHANCED" / "IM0001.dcm")
    mr_array = mr.pixel_array
    shared = mr.SharedFunctionalGroupsSequence[0]
    print(json.dumps({
      "ctCount": len(ct),
      "ctPositions": [[float(v) for v in ds.ImagePositionPatient] for ds in ct],
      "ctPatientNames": sorted({str(ds.PatientName) for ds in ct}),
      "ctSlices": {str(i): ct[i].pixel_array.ravel().tolist() for i in ct_slices},
      "ctDtype": str(ct[0].pixel_array.dtype),
      "mrShape": list(mr_array.shape),
      "mrDtype": str(mr_array.dtype),
      "mrPositions": [[float(v) for v in f.PlanePositionSequence[0].ImagePositionPatient]
                      for f in mr.PerFrameFunctionalGroupsSequence],
      "mrFrames": {str(i): mr_array[i].ravel().tolist() for i in mr_frames},
      "mrPixelSpacing": [float(v) for v in shared.PixelMeasuresSequence[0].PixelSpacing],
      "mrWindowCenter": float(shared.FrameVOILUTSequence[0].WindowCenter),
    }))
    """

  @Test func pydicomAgreesWithOurReader() throws {
    let folder = try GeneratedStudy.writtenToDisk()
    defer { try? FileManager.default.removeItem(at: folder) }
    let view = try PythonOracle.json(
      PydicomView.self, Self.script,
      arguments: [
        folder.path, Self.ctSlices.map(String.init).joined(separator: ","),
        Self.mrFrames.map(String.init).joined(separator: ","),
      ])

    let ct = try GeneratedStudy.ct().map(\.file)
    #expect(view.ctCount == 64)
    #expect(view.ctPatientNames == ["Phantom^Head"])
    #expect(view.ctDtype == "int16")
    #expect(view.ctPositions == ct.map { $0.dataSet.doubles(.imagePositionPatient) })
    for index in Self.ctSlices {
      let ours = try ct[index].pixelFrame(0).doubleSamples().map { Int($0) }
      #expect(view.ctSlices[String(index)] == ours, "CT slice \(index + 1) differs from pydicom")
    }

    let mr = try GeneratedStudy.mr()
    #expect(view.mrShape == [24, 256, 256])
    #expect(view.mrDtype == "uint16")
    #expect(view.mrPixelSpacing == [0.9375, 0.9375])
    #expect(view.mrWindowCenter == 1000)
    #expect(view.mrPositions.count == 24)
    #expect(view.mrPositions.map { $0[2] } == (0..<24).map { (Double($0) - 11.5) * 5 })
    for index in Self.mrFrames {
      let ours = try mr.pixelFrame(index).doubleSamples().map { Int($0) }
      #expect(view.mrFrames[String(index)] == ours, "MR frame \(index + 1) differs from pydicom")
    }
  }
}
