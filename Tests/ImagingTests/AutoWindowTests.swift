import DICOM
import Testing

@testable import Imaging

struct AutoWindowTests {
  private func frame(_ samples: PixelFrame.Samples, count: Int) -> PixelFrame {
    PixelFrame(
      rows: 1, columns: count, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2",
      samples: samples)
  }

  @Test func paddingValueIsLeftOutInStoredUnits() {
    // Unsigned CT: padding 0 in stored values is -1024 HU after rescale.
    let ct = frame(.uint16([0, 0, 1000, 1100, 3000]), count: 5)
    let modality = ModalityLUT.rescale(slope: 1, intercept: -1024)
    #expect(AutoWindow.modalityRange(of: ct, modality: modality) == -1024...1976)
    let padded = AutoWindow.modalityRange(
      of: ct, modality: modality, padding: PixelPadding(value: 0))
    #expect(padded == -24...1976)
  }

  @Test func paddingRangeLimitMayLieOnEitherSide() {
    let ct = frame(.int16([-3024, -2500, -2000, -1999, 500]), count: 5)
    let below = PixelPadding(value: -2000, rangeLimit: -3024)
    let above = PixelPadding(value: -3024, rangeLimit: -2000)
    #expect(AutoWindow.modalityRange(of: ct, modality: .identity, padding: below) == -1999...500)
    #expect(AutoWindow.modalityRange(of: ct, modality: .identity, padding: above) == -1999...500)
    #expect(below.contains(stored: -2500.0))
    #expect(!below.contains(stored: -1999))
  }

  @Test func negativeSlopeStillGivesAnOrderedRange() {
    let f = frame(.uint8([10, 20]), count: 2)
    #expect(
      AutoWindow.modalityRange(of: f, modality: .rescale(slope: -2, intercept: 0)) == -40...(-20))
  }

  @Test func nanIsIgnored() {
    let f = frame(.float64([.nan, -5, 12.5, .nan]), count: 4)
    #expect(AutoWindow.modalityRange(of: f, modality: .identity) == -5...12.5)
    let f32 = frame(.float32([.nan, 3]), count: 2)
    #expect(AutoWindow.modalityRange(of: f32, modality: .identity) == 3...3)
  }

  @Test func onlyPaddingAndNaNGiveNoWindow() {
    let f = frame(.int16([-2000, -2000]), count: 2)
    #expect(
      AutoWindow.window(for: f, modality: .identity, padding: PixelPadding(value: -2000)) == nil)
    let g = frame(.float64([.nan]), count: 1)
    #expect(AutoWindow.window(for: g, modality: .identity) == nil)
  }

  @Test func modalityLUTRangeUsesTheValuesPresent() throws {
    // A non-monotonic table: the extremes are not at the stored extremes.
    let table = try LookupTable(descriptor: LUTDescriptor([4, 0, 16]), entries: [50, 900, 10, 60])
    let f = frame(.uint8([0, 1, 2, 3]), count: 4)
    #expect(AutoWindow.modalityRange(of: f, modality: .table(table)) == 10...900)
    let g = frame(.uint8([0, 3]), count: 2)
    #expect(AutoWindow.modalityRange(of: g, modality: .table(table)) == 50...60)
  }
}
