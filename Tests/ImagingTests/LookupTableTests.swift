import DICOM
import Testing

@testable import Imaging

struct LookupTableTests {
  @Test func descriptorReadsZeroEntriesAs65536() throws {
    let descriptor = try LUTDescriptor([0, 0, 16])
    #expect(descriptor.entryCount == 65536)
    #expect(descriptor.maximumEntryValue == 65535)
    #expect(throws: ImagingError.self) { try LUTDescriptor([4096, 0]) }
    #expect(throws: ImagingError.self) { try LUTDescriptor([4096, 0, 17]) }
    #expect(throws: ImagingError.self) { try LUTDescriptor([70000, 0, 12]) }
  }

  @Test func modalityLUTClampsBelowFirstMappedAndPastLastEntry() throws {
    let table = try LookupTable(
      descriptor: LUTDescriptor(entryCount: 4, firstMappedValue: -2, bitsPerEntry: 16),
      entries: [100, 200, 300, 400])
    let modality = ModalityLUT.table(table)
    let frame = PixelFrame(
      rows: 1, columns: 7, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2",
      samples: .int16([-100, -3, -2, -1, 0, 1, 5000]))
    #expect(modality.apply(to: frame) == [100, 100, 100, 200, 300, 400, 400])
  }

  @Test func shortLUTDataClampsToTheLastEntryPresent() throws {
    let table = try LookupTable(
      descriptor: LUTDescriptor(entryCount: 10, firstMappedValue: 0, bitsPerEntry: 8),
      entries: [5, 6])
    #expect(table.entry(for: 9) == 6)
    #expect(table.entry(for: 9.0) == 6)
    #expect(table.entry(for: Double.nan) == 5)
    #expect(throws: ImagingError.self) {
      try LookupTable(descriptor: LUTDescriptor([1, 0, 8]), entries: [])
    }
  }

  @Test func realInputsDropTheirFraction() throws {
    let table = try LookupTable(descriptor: LUTDescriptor([3, 10, 8]), entries: [1, 2, 3])
    #expect(table.entry(for: 10.9) == 1)
    #expect(table.entry(for: 11.0) == 2)
    #expect(table.entry(for: 9.99) == 1)
  }

  @Test func rescaleGivesFloat64() {
    let frame = PixelFrame(
      rows: 1, columns: 3, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2",
      samples: .uint16([0, 1024, 4095]))
    let modality = ModalityLUT.rescale(slope: 0.5, intercept: -1024)
    #expect(modality.apply(to: frame) == [-1024, -512, 1023.5])
    #expect(ModalityLUT.identity.apply(to: frame) == [0, 1024, 4095])
  }

  @Test func voiLUTScalesEntriesByItsBitsPerEntry() throws {
    let table = try LookupTable(
      descriptor: LUTDescriptor(entryCount: 3, firstMappedValue: 0, bitsPerEntry: 12),
      entries: [0, 4095, 9999])
    let lut = VOILUT(table: table)
    #expect(lut.output(for: 0) == 0)
    #expect(lut.output(for: 1) == 255)
    // An entry past 2^bits - 1 is clamped to the top of the range.
    #expect(lut.output(for: 2) == 255)
    #expect(lut.output(for: 1, in: 0...4095) == 4095)
  }
}
