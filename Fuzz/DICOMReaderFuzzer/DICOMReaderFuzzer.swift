import DICOM
import Foundation

/// libFuzzer entry point: any bytes must parse or fail with an error, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDICOMReader(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = Data(bytes: start, count: count)
  guard let file = try? DICOMFile(bytes: bytes) else { return 0 }
  for element in file.dataSet.elements.prefix(64) {
    _ = file.dataSet.values(of: element)
  }
  guard let description = try? file.pixelDescription(),
    description.rows * description.columns <= 4_194_304
  else { return 0 }
  for index in 0..<min(description.numberOfFrames, 2) {
    _ = try? file.pixelFrame(index)
  }
  return 0
}
