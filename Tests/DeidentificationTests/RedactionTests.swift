import DICOM
import Deidentification
import Testing

@Suite struct RedactionTests {
  private func ramp(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 | 1) }
  }

  /// Indices of bytes inside `rectangle` for the given layout, computed independently of Redactor.
  private func insideIndices(
    _ layout: PixelLayout, _ rectangle: RedactionRectangle
  ) -> Set<Int> {
    var inside = Set<Int>()
    let sampleBytes = layout.bitsAllocated / 8
    let frameBytes = layout.rows * layout.columns * layout.samplesPerPixel * sampleBytes
    for frame in 0..<layout.numberOfFrames {
      for row in 0..<layout.rows where row >= rectangle.y && row < rectangle.y + rectangle.height {
        for column in 0..<layout.columns
        where column >= rectangle.x && column < rectangle.x + rectangle.width {
          for sample in 0..<layout.samplesPerPixel {
            let sampleIndex =
              layout.planarConfiguration == 1
              ? sample * layout.rows * layout.columns + row * layout.columns + column
              : (row * layout.columns + column) * layout.samplesPerPixel + sample
            for byte in 0..<sampleBytes {
              inside.insert(frame * frameBytes + sampleIndex * sampleBytes + byte)
            }
          }
        }
      }
    }
    return inside
  }

  @Test(arguments: [
    PixelLayout(rows: 6, columns: 8, bitsAllocated: 8, numberOfFrames: 2),
    PixelLayout(rows: 6, columns: 8, bitsAllocated: 16, numberOfFrames: 3),
    PixelLayout(rows: 5, columns: 7, samplesPerPixel: 3, bitsAllocated: 8, numberOfFrames: 2),
    PixelLayout(
      rows: 5, columns: 7, samplesPerPixel: 3, bitsAllocated: 8, planarConfiguration: 1,
      numberOfFrames: 2),
  ])
  func rectangleIsBlankedInEveryFrameAndNothingElseChanges(layout: PixelLayout) throws {
    let rectangle = RedactionRectangle(x: 2, y: 1, width: 3, height: 2)
    let count =
      layout.rows * layout.columns * layout.samplesPerPixel * layout.bitsAllocated / 8
      * layout.numberOfFrames
    let pixels = ramp(count)

    let redacted = try Redactor.redact(pixels: pixels, layout: layout, rectangles: [rectangle])

    let inside = insideIndices(layout, rectangle)
    #expect(!inside.isEmpty)
    for index in pixels.indices {
      #expect(redacted[index] == (inside.contains(index) ? 0 : pixels[index]))
    }
  }

  @Test func rectanglesAreClippedToTheImage() throws {
    let layout = PixelLayout(rows: 4, columns: 4, bitsAllocated: 8)
    let pixels = [UInt8](repeating: 9, count: 16)
    let redacted = try Redactor.redact(
      pixels: pixels, layout: layout,
      rectangles: [
        RedactionRectangle(x: 3, y: -2, width: 10, height: 3),
        RedactionRectangle(x: 50, y: 50, width: 2, height: 2),
      ])
    #expect(redacted.filter { $0 == 0 }.count == 1)
    #expect(redacted[3] == 0)
  }

  @Test func shortPixelDataAndUnsupportedLayoutsAreRejected() {
    let rectangle = [RedactionRectangle(x: 0, y: 0, width: 1, height: 1)]
    #expect(throws: DeidentificationError.self) {
      try Redactor.redact(
        pixels: [1, 2, 3], layout: PixelLayout(rows: 2, columns: 2, bitsAllocated: 8),
        rectangles: rectangle)
    }
    #expect(throws: DeidentificationError.self) {
      try Redactor.redact(
        pixels: [UInt8](repeating: 0, count: 64),
        layout: PixelLayout(rows: 2, columns: 2, samplesPerPixel: 3, bitsAllocated: 16),
        rectangles: rectangle)
    }
  }

  @Test func deidentifiedCopyIsRedactedAndSaysNoBurnedInAnnotation() throws {
    var input = TestData.patient()
    input.setUInt16(.rows, [4])
    input.setUInt16(.columns, [4])
    input.setUInt16(.samplesPerPixel, [1])
    input.setUInt16(.bitsAllocated, [16])
    input.setUInt16(.bitsStored, [12])
    input.set(.photometricInterpretation, .CS, "MONOCHROME2")
    input.set(Tag(0x0028_0301), .CS, "YES")
    input.setWords(.pixelData, (0..<16).map { UInt16($0 + 100) })

    let output = try TestData.deidentifiedFile(
      input, redactions: [RedactionRectangle(x: 0, y: 0, width: 2, height: 1)]
    ).dataSet

    let words = try #require(output.uint16s(.pixelData))
    #expect(words == [0, 0] + (2..<16).map { UInt16($0 + 100) })
    #expect(output.string(Tag(0x0028_0301)) == "NO")
    let codes = output.sequence(Tag(0x0012_0064))?.compactMap { $0.string(Tag(0x0008_0100)) }
    #expect(codes == ["113100", "113101"])

    let untouched = try TestData.deidentifiedFile(input).dataSet
    #expect(untouched.uint16s(.pixelData) == (0..<16).map { UInt16($0 + 100) })
    #expect(untouched.string(Tag(0x0028_0301)) == "YES")
  }
}
