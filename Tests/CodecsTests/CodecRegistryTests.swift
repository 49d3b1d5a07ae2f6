import Codecs
import Testing

@Suite struct CodecRegistryTests {
  @Test func listsEveryLibraryTransferSyntaxOnce() {
    let uids = CodecRegistry.decoders().map(\.transferSyntaxUID)
    let expected = [
      "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.80",
      "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
      "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203",
    ]
    #expect(uids.sorted() == expected.sorted())
    #expect(Set(uids).count == uids.count)
  }

  @Test func decoderKindsMatchTheirSyntaxes() {
    let decoders = Dictionary(
      uniqueKeysWithValues: CodecRegistry.decoders().map { ($0.transferSyntaxUID, $0.decoder) })
    #expect(decoders["1.2.840.10008.1.2.4.50"] is JPEGBaselineDecoder)
    #expect(decoders["1.2.840.10008.1.2.4.51"] is JPEGExtendedDecoder)
    #expect(decoders["1.2.840.10008.1.2.4.81"] is JPEGLSDecoder)
    #expect(decoders["1.2.840.10008.1.2.4.203"] is JPEG2000Decoder)
  }
}
