import DICOM
import Foundation
import Testing

/// Streams written by DCMTK and GDCM (see Fixtures/JPEGLossless/README.md).
@Suite struct JPEGLosslessFixtureTests {
  struct Fixture: Sendable, CustomStringConvertible {
    var stream: String
    var source: String
    var precision: Int
    var pointTransform = 0
    var description: String { stream }
  }

  struct Source {
    var rows: Int
    var columns: Int
    var samplesPerPixel: Int
    var bitsAllocated: Int
    var bitsStored: Int
    var pixelRepresentation: Int
  }

  static let sources: [String: Source] = [
    "gray12": Source(
      rows: 30, columns: 40, samplesPerPixel: 1, bitsAllocated: 16, bitsStored: 12,
      pixelRepresentation: 0),
    "gray16s": Source(
      rows: 32, columns: 32, samplesPerPixel: 1, bitsAllocated: 16, bitsStored: 16,
      pixelRepresentation: 1),
    "gray8": Source(
      rows: 17, columns: 33, samplesPerPixel: 1, bitsAllocated: 8, bitsStored: 8,
      pixelRepresentation: 0),
    "rgb8": Source(
      rows: 16, columns: 24, samplesPerPixel: 3, bitsAllocated: 8, bitsStored: 8,
      pixelRepresentation: 0),
  ]

  static let fixtures: [Fixture] =
    (1...7).map { Fixture(stream: "gray12_dcmtk_p\($0)", source: "gray12", precision: 16) } + [
      Fixture(stream: "gray12_dcmtk_p3_precision12", source: "gray12", precision: 12),
      Fixture(stream: "gray12_dcmtk_p4_pt3", source: "gray12", precision: 16, pointTransform: 3),
      Fixture(stream: "gray12_gdcm_sv1", source: "gray12", precision: 16),
      Fixture(stream: "gray16s_dcmtk_sv1", source: "gray16s", precision: 16),
      Fixture(stream: "gray16s_dcmtk_p7", source: "gray16s", precision: 16),
      Fixture(stream: "gray16s_gdcm_sv1", source: "gray16s", precision: 16),
      Fixture(stream: "gray8_dcmtk_p5", source: "gray8", precision: 8),
      Fixture(stream: "gray8_gdcm_sv1", source: "gray8", precision: 8),
      Fixture(stream: "rgb8_dcmtk_p1", source: "rgb8", precision: 8),
      Fixture(stream: "rgb8_dcmtk_p6", source: "rgb8", precision: 8),
      Fixture(stream: "rgb8_gdcm_sv1", source: "rgb8", precision: 8),
    ]

  static func data(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/JPEGLossless/\(name)")
    return [UInt8](try Data(contentsOf: url))
  }

  @Test(arguments: fixtures)
  func decodesExactly(fixture: Fixture) throws {
    let source = try #require(Self.sources[fixture.source])
    let stream = try Self.data(fixture.stream + ".jpg")
    let raw = try Self.data(fixture.source + ".raw")
    let description = FrameDescription(
      rows: source.rows, columns: source.columns, samplesPerPixel: source.samplesPerPixel,
      bitsAllocated: source.bitsAllocated, bitsStored: source.bitsStored,
      pixelRepresentation: source.pixelRepresentation,
      photometricInterpretation: source.samplesPerPixel == 3 ? "RGB" : "MONOCHROME2",
      planarConfiguration: 0)

    let decoded = try JPEGLosslessDecoder().decode(stream, as: description)

    let shift = fixture.pointTransform
    let rawValues = DecodedSamples(
      columns: source.columns, rows: source.rows, samplesPerPixel: source.samplesPerPixel,
      precision: source.bitsStored, isSigned: false, bytesPerSample: source.bitsAllocated / 8,
      bytes: raw
    ).values
    #expect(decoded.values == rawValues.map { ($0 >> shift) << shift })
    #expect(decoded.precision == fixture.precision)
    #expect(decoded.samplesPerPixel == source.samplesPerPixel)
  }
}
