import AppCore
import DICOM
import Imaging
import Testing

@testable import AppShell

@Suite struct FileVOITests {
  /// Choosing the file's own VOI renders through its table (or SIGMOID function), not as a
  /// LINEAR window with the same numbers.
  @Test func theFilesChoiceRendersAsTheFileSays() throws {
    let pixels = PixelFrame(
      rows: 1, columns: 4, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2",
      samples: .uint16([0, 1, 2, 3]))
    let table = try LookupTable(
      descriptor: try LUTDescriptor(entryCount: 4, firstMappedValue: 0, bitsPerEntry: 16),
      entries: [0, 60_000, 61_000, 65_535])
    let level = WindowLevel(center: 2, width: 4)
    let frame = DecodedFrame(
      pixels: pixels, modality: .identity, invertsByDefault: false, windows: [level],
      fileVOI: [FileVOI(level: level, selection: .lut(VOILUT(table: table)))], unit: "")
    guard case .gray(let fromFile) = try frame.render(window: level, invert: false) else {
      Issue.record("not gray")
      return
    }
    let expected = try Renderer(voi: .lut(VOILUT(table: table))).render(pixels)
    #expect(fromFile == expected)
    #expect(fromFile.pixels[1] > 200)
    guard
      case .gray(let linear) = try frame.render(
        window: WindowLevel(center: 2, width: 5), invert: false)
    else { return }
    #expect(linear.pixels[1] < 150)
  }
}
