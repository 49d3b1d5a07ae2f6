import Foundation
import TestSupport

/// pydicom, run as a process, as the independent reading of the same files.
enum PydicomOracle {
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs `script` through the shared Python oracle and returns its standard output.
  static func run(_ script: String, arguments: [String] = []) throws -> Data {
    Data(try PythonOracle.run(script, arguments: arguments).utf8)
  }

  /// The folder of pydicom's bundled test files.
  static func testFilesFolder() throws -> URL {
    let data = try run(
      "import os, pydicom.data; print(os.path.join(os.path.dirname(pydicom.data.__file__), "
        + "'test_files'))")
    let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return URL(fileURLWithPath: path)
  }

  /// What pydicom reads for the fields of InstanceSummary, as JSON keyed by file name.
  static let summaryScript = """
    import json, sys, os, pydicom
    def first(seq, macro, i, shared):
        for src in ([seq[i]] if seq is not None and i < len(seq) else []) + ([shared] if shared is not None else []):
            if macro in src and len(src[macro].value) > 0:
                return src[macro].value[0]
        return None
    def num(v):
        return None if v is None or v == '' else float(v)
    def intval(v):
        return None if v is None or v == '' else int(v)
    def floats(v):
        if v is None or v == '': return []
        return [float(x) for x in (v if isinstance(v, (list, pydicom.multival.MultiValue)) else [v])]
    out = {}
    for path in sys.argv[1:]:
        ds = pydicom.dcmread(path)
        pf = ds.get('PerFrameFunctionalGroupsSequence')
        sh = ds.get('SharedFunctionalGroupsSequence')
        shared = sh[0] if sh else None
        nframes = intval(ds.get('NumberOfFrames')) or 1
        frames = []
        if pf is not None or shared is not None:
            count = nframes if pf is None else min(nframes, len(pf))
            for i in range(count):
                pos = first(pf, 'PlanePositionSequence', i, shared)
                frames.append(floats(pos.get('ImagePositionPatient')) if pos is not None else [])
        it = ds.get('ImageType')
        out[os.path.basename(path)] = {
            'sopClassUID': ds.get('SOPClassUID'), 'sopInstanceUID': ds.get('SOPInstanceUID'),
            'studyInstanceUID': ds.get('StudyInstanceUID'),
            'seriesInstanceUID': ds.get('SeriesInstanceUID'),
            'patientID': ds.get('PatientID') or None,
            'patientName': str(ds.PatientName) if ds.get('PatientName') else None,
            'modality': ds.get('Modality'), 'seriesNumber': intval(ds.get('SeriesNumber')),
            'seriesDescription': ds.get('SeriesDescription') or None,
            'instanceNumber': intval(ds.get('InstanceNumber')),
            'rows': ds.get('Rows'), 'columns': ds.get('Columns'), 'numberOfFrames': nframes,
            'orientation': floats(ds.get('ImageOrientationPatient')),
            'position': floats(ds.get('ImagePositionPatient')),
            'pixelSpacing': floats(ds.get('PixelSpacing')),
            'sliceThickness': num(ds.get('SliceThickness')),
            'imageType': [] if it is None else ([it] if isinstance(it, str) else list(it)),
            'acquisitionNumber': intval(ds.get('AcquisitionNumber')),
            'echoNumbers': [int(x) for x in floats(ds.get('EchoNumbers'))],
            'triggerTime': num(ds.get('TriggerTime')),
            'gridFrameOffsets': floats(ds.get('GridFrameOffsetVector')),
            'framePositions': frames,
            'hasPixelData': 'PixelData' in ds,
        }
    print(json.dumps(out))
    """

  /// One file's fields as pydicom read them.
  struct Summary: Decodable {
    var sopClassUID: String?
    var sopInstanceUID: String?
    var studyInstanceUID: String?
    var seriesInstanceUID: String?
    var patientID: String?
    var patientName: String?
    var modality: String?
    var seriesNumber: Int?
    var seriesDescription: String?
    var instanceNumber: Int?
    var rows: Int?
    var columns: Int?
    var numberOfFrames: Int
    var orientation: [Double]
    var position: [Double]
    var pixelSpacing: [Double]
    var sliceThickness: Double?
    var imageType: [String]
    var acquisitionNumber: Int?
    var echoNumbers: [Int]
    var triggerTime: Double?
    var gridFrameOffsets: [Double]
    var framePositions: [[Double]]
    var hasPixelData: Bool
  }

  static func summaries(of files: [URL]) throws -> [String: Summary] {
    let data = try run(summaryScript, arguments: files.map(\.path))
    return try JSONDecoder().decode([String: Summary].self, from: data)
  }
}
