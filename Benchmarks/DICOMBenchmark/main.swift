import Codecs
import DICOM
import Foundation

// Times annotty's reader in-process: header-only parsing and full parse + decode of every frame,
// median over runs, one line per file: `path<TAB>header ms<TAB>decode ms`. Scripts/benchmark
// runs pydicom on the same files in the same run and prints the ratios.

func medianMilliseconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
  var samples: [Double] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  return samples.sorted()[samples.count / 2]
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2, let runs = Int(arguments[0]) else {
  FileHandle.standardError.write(Data("usage: DICOMBenchmark RUNS FILE...\n".utf8))
  exit(2)
}
let registry = PixelDecoderRegistry.standard
for path in arguments.dropFirst() {
  do {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let header = try medianMilliseconds(runs: runs) {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      _ = try DICOMFile(bytes: data, options: .init(stopBeforePixelData: true))
    }
    let frames = try DICOMFile(bytes: bytes).pixelDescription().numberOfFrames
    let decode = try medianMilliseconds(runs: runs) {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      let file = try DICOMFile(bytes: data)
      for index in 0..<frames { _ = try file.pixelFrame(index, registry: registry) }
    }
    print("\(path)\t\(header)\t\(decode)")
  } catch {
    print("\(path)\terror\t\(error)")
  }
}
