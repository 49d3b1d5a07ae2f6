import DICOM
import TestSupport
import Testing

@testable import Imaging

struct RendererTests {
  private func frame(_ samples: PixelFrame.Samples, rows: Int = 1, columns: Int) -> PixelFrame {
    PixelFrame(
      rows: rows, columns: columns, samplesPerPixel: 1, photometricInterpretation: "MONOCHROME2",
      samples: samples)
  }

  /// The pipeline written out pixel by pixel, independent of the renderer's table.
  private func reference(
    _ stored: [Int], modality: ModalityLUT, window: Window, invert: Bool,
    padding: PixelPadding? = nil
  ) -> [UInt8] {
    stored.map { value in
      if let padding, padding.contains(stored: value) { return 0 }
      var y = window.output(for: modality.output(forStored: value))
      if invert { y = 255 - y }
      let rounded = (y + 0.5).rounded(.down)
      return UInt8(min(max(rounded, 0), 255))
    }
  }

  @Test func tablePathMatchesPixelByPixelForSixteenBitCT() throws {
    var generator = SeededGenerator(seed: 42)
    let stored = (0..<4096).map { _ in Int16(truncatingIfNeeded: generator.next() % 5000) - 2048 }
    let modality = ModalityLUT.rescale(slope: 1, intercept: -1024)
    for function in VOIFunction.allCases {
      let window = try Window(center: 40, width: 400, function: function)
      for invert in [false, true] {
        let renderer = Renderer(modality: modality, voi: .window(window), invert: invert)
        let image = try renderer.render(frame(.int16(stored), rows: 64, columns: 64))
        #expect(image.width == 64 && image.height == 64)
        #expect(
          image.pixels
            == reference(stored.map(Int.init), modality: modality, window: window, invert: invert))
      }
    }
  }

  @Test func everyIntegerTypeGivesTheSameBytes() throws {
    let values = [0, 1, 7, 100, 127]
    let window = try Window(center: 50, width: 80, function: .linear)
    let expected = reference(values, modality: .identity, window: window, invert: false)
    let renderer = Renderer(voi: .window(window))
    let all: [PixelFrame.Samples] = [
      .uint8(values.map { UInt8($0) }), .int8(values.map { Int8($0) }),
      .uint16(values.map { UInt16($0) }), .int16(values.map { Int16($0) }),
      .uint32(values.map { UInt32($0) }), .int32(values.map { Int32($0) }),
      .float32(values.map { Float($0) }), .float64(values.map { Double($0) }),
    ]
    for samples in all {
      #expect(try renderer.render(frame(samples, columns: 5)).pixels == expected)
    }
  }

  @Test func wideThirtyTwoBitRangeIsComputedPixelByPixel() throws {
    let values: [Int32] = [-2_000_000_000, 0, 2_000_000_000]
    let image = try Renderer(voi: .auto).render(frame(.int32(values), columns: 3))
    #expect(image.pixels == [0, 128, 255])
  }

  @Test func outputRoundsHalfUp() throws {
    // LINEAR_EXACT c=40 w=400 puts x=40 on 127.5 exactly: 128, where astype(uint8) gives 127.
    let window = try Window(center: 40, width: 400, function: .linearExact)
    let image = try Renderer(voi: .window(window)).render(
      frame(.int16([40, -160, 241]), columns: 3))
    #expect(image.pixels == [128, 0, 255])
  }

  @Test func monochrome1IsInvertedAfterVOI() throws {
    let stored: [UInt8] = [0, 64, 255]
    let window = try #require(Window.spanning(0...255))
    let normal = try Renderer(voi: .window(window)).render(frame(.uint8(stored), columns: 3))
    let inverted = try Renderer(voi: .window(window), invert: true)
      .render(frame(.uint8(stored), columns: 3))
    #expect(normal.pixels == [0, 64, 255])
    #expect(inverted.pixels == [255, 191, 0])
    #expect(Renderer.inverts(photometricInterpretation: "MONOCHROME1"))
    #expect(!Renderer.inverts(photometricInterpretation: "MONOCHROME2 "))
    #expect(
      Renderer.inverts(photometricInterpretation: "MONOCHROME1", presentationLUTShape: "INVERSE"))
    #expect(
      !Renderer.inverts(photometricInterpretation: "MONOCHROME2", presentationLUTShape: "IDENTITY"))
    #expect(
      Renderer.inverts(photometricInterpretation: "MONOCHROME2", presentationLUTShape: "INVERSE"))
  }

  @Test func autoWindowLeavesPaddingOutAndPaintsItBlack() throws {
    let stored: [Int16] = [-2000, -1000, 0, 1000, -2000]
    let renderer = Renderer(voi: .auto, invert: true, padding: PixelPadding(value: -2000))
    let image = try renderer.render(frame(.int16(stored), columns: 5))
    // Spanning -1000...1000, inverted; padding stays background whatever the inversion.
    #expect(image.pixels == [0, 255, 128, 0, 0])
    #expect(renderer.effectiveWindow(for: frame(.int16(stored), columns: 5))?.center == 0.5)
  }

  @Test func framesOfOnlyPaddingRenderBlack() throws {
    let image = try Renderer(voi: .auto, padding: PixelPadding(value: 5))
      .render(frame(.uint8([5, 5]), columns: 2))
    #expect(image.pixels == [0, 0])
  }

  @Test func nanRendersBlack() throws {
    let image = try Renderer(voi: .auto).render(frame(.float32([.nan, 0, 10]), columns: 3))
    #expect(image.pixels == [0, 0, 255])
  }

  @Test func voiLUTReplacesTheWindow() throws {
    let table = try LookupTable(descriptor: LUTDescriptor([3, 100, 8]), entries: [0, 128, 255])
    let renderer = Renderer(
      modality: .rescale(slope: 1, intercept: 100), voi: .lut(VOILUT(table: table)))
    let image = try renderer.render(frame(.uint16([0, 1, 2, 9]), columns: 4))
    #expect(image.pixels == [0, 128, 255, 255])
    #expect(renderer.effectiveWindow(for: frame(.uint16([0]), columns: 1)) == nil)
  }

  @Test func badShapesAreErrorsNotCrashes() {
    #expect(throws: ImagingError.sampleCountMismatch(expected: 4, actual: 3)) {
      try Renderer().render(frame(.uint8([1, 2, 3]), rows: 2, columns: 2))
    }
    let rgb = PixelFrame(
      rows: 1, columns: 1, samplesPerPixel: 3, photometricInterpretation: "RGB",
      samples: .uint8([1, 2, 3]))
    #expect(throws: ImagingError.self) { try Renderer().render(rgb) }
  }

  @Test func emptyFrameGivesEmptyImage() throws {
    let image = try Renderer().render(frame(.int16([]), rows: 0, columns: 0))
    #expect(image.pixels.isEmpty)
  }
}
