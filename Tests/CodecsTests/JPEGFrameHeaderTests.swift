import DICOM
import Testing

@testable import Codecs

@Suite struct JPEGFrameHeaderTests {
  @Test func findsTheFrameAfterOtherSegmentsFillBytesAndStrayBytes() throws {
    let stream: [UInt8] = [
      0xFF, 0xD8,  // SOI
      0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46,  // APP0, 2 bytes of payload
      0x00, 0x13,  // stray bytes libjpeg would skip
      0xFF, 0xFF, 0xC1, 0x00, 0x0B, 0x0C, 0x00, 0x17, 0x00, 0x25, 0x01, 0x01, 0x11, 0x00,
    ]
    let header = try JPEGFrameHeader(scanning: stream)
    #expect(header.marker == 0xC1)
    #expect(header.precision == 12)
    #expect(header.isDCT)
  }

  @Test func refusesStreamsWithoutAFrameHeader() {
    #expect(throws: CodecError.self) { try JPEGFrameHeader(scanning: [0xFF, 0xD8, 0xFF, 0xD9]) }
    #expect(throws: CodecError.self) { try JPEGFrameHeader(scanning: [0x00, 0x01, 0x02, 0x03]) }
    // A segment length running past the end.
    #expect(throws: CodecError.self) {
      try JPEGFrameHeader(scanning: [0xFF, 0xD8, 0xFF, 0xE0, 0x7F, 0xFF, 0x00])
    }
  }
}
