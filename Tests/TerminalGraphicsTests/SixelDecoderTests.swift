import TestSupport
import Testing

@testable import TerminalGraphics

/// The decoder reads what terminals accept and refuses, with a located error, what they cannot.
struct SixelDecoderTests {
  private func decode(_ text: String) throws(SixelDecodingError) -> DecodedSixel {
    try SixelDecoder.decode(Array(text.utf8))
  }

  private func problem(_ bytes: [UInt8]) -> SixelDecodingError? {
    do {
      _ = try SixelDecoder.decode(bytes)
      return nil
    } catch {
      return error
    }
  }

  @Test("8-bit DCS and ST, P2, raster attributes and a colour per pixel")
  func eightBitControls() throws {
    let bytes: [UInt8] = [0x90] + Array("0;1;0q\"1;1;3;2#5;2;100;0;0B@".utf8) + [0x9C]
    let decoded = try SixelDecoder.decode(bytes)
    #expect(decoded.width == 3 && decoded.height == 2)
    #expect(decoded.backgroundSelector == 1)
    #expect(decoded.color(x: 0, y: 0) == SixelColor(red: 100, green: 0, blue: 0))
    #expect(decoded.color(x: 0, y: 1) == SixelColor(red: 100, green: 0, blue: 0))
    #expect(decoded.color(x: 1, y: 0) == SixelColor(red: 100, green: 0, blue: 0))
    #expect(decoded.color(x: 1, y: 1) == nil)
    #expect(decoded.color(x: 2, y: 0) == nil)
    #expect(decoded.painted == [true, true, false, true, false, false])
  }

  @Test("HLS definitions: hue 0 is blue, 120 red, 240 green; no saturation is gray")
  func hlsColors() throws {
    let decoded = try decode(
      "\u{1B}Pq#1;1;0;50;100#2;1;120;50;100#3;1;240;50;100#4;1;77;30;0#5;1;60;50;100~\u{1B}\\")
    #expect(decoded.palette[1] == SixelColor(red: 0, green: 0, blue: 100))
    #expect(decoded.palette[2] == SixelColor(red: 100, green: 0, blue: 0))
    #expect(decoded.palette[3] == SixelColor(red: 0, green: 100, blue: 0))
    #expect(decoded.palette[4] == .gray(30))
    #expect(decoded.palette[5] == SixelColor(red: 100, green: 0, blue: 100))
  }

  @Test("repeats of any length, passes, bands, whitespace and unknown bytes")
  func repeatsPassesAndNoise() throws {
    let decoded = try decode(
      "\u{1B}P0;0;0q\r\n\"1;1;1000;12 #0;2;0;0;0!1000~\n$#1;2;100;100;100!999?@-\t!5B\u{7}%&\u{1}\u{1B}\\"
    )
    #expect(decoded.width == 1000 && decoded.height == 12)
    #expect(decoded.color(x: 998, y: 0) == .gray(0))
    #expect(decoded.color(x: 999, y: 0) == .gray(100))
    #expect(decoded.color(x: 999, y: 1) == .gray(0))
    #expect(decoded.color(x: 2, y: 7) == .gray(100))
    #expect(decoded.color(x: 4, y: 7) == .gray(100))
    #expect(decoded.color(x: 5, y: 7) == nil)
    #expect(decoded.painted.filter { $0 }.count == 6000 + 10)
  }

  @Test("data beyond the raster attributes grows the picture; empty sixels do not")
  func growth() throws {
    let grown = try decode("\u{1B}Pq\"1;1;2;2#0;2;0;0;100!5~-@\u{1B}\\")
    #expect(grown.width == 5 && grown.height == 7)
    let blank = try decode("\u{1B}Pq\"1;1;2;2#0!50?-!9?\u{1B}\\")
    #expect(blank.width == 2 && blank.height == 2)
    #expect(blank.painted.allSatisfy { !$0 })
    let noAttributes = try decode("\u{1B}Pq#0;2;1;2;3??~\u{1B}\\")
    #expect(noAttributes.width == 3 && noAttributes.height == 6)
  }

  @Test("errors name the problem and the byte offset")
  func errors() {
    #expect(problem(Array("hello".utf8)) == SixelDecodingError(.noIntroducer, at: 0))
    #expect(
      problem(Array("\u{1B}P1$r\u{1B}\\".utf8))
        == SixelDecodingError(.notSixel(finalByte: 0x72), at: 4))
    #expect(problem(Array("\u{1B}Pq#0~~".utf8)) == SixelDecodingError(.unterminated, at: 7))
    #expect(
      problem(Array("\u{1B}Pq~\u{1B}[0m".utf8))
        == SixelDecodingError(.unexpectedEscape(following: 0x5B), at: 4))
    #expect(
      problem(Array("\u{1B}Pq\"1;1;20000;10\u{1B}\\".utf8))
        == SixelDecodingError(.imageTooLarge(width: 20_000, height: 10), at: 3))
    #expect(
      problem(Array("\u{1B}Pq#1;2;0;0;0!99999999999999~\u{1B}\\".utf8))?.problem
        == .imageTooLarge(width: 1_000_000_000, height: 6))
    #expect(
      problem(Array("\u{1B}Pq#4096~\u{1B}\\".utf8))
        == SixelDecodingError(.registerOutOfRange(register: 4096, registers: 1024), at: 3))
    #expect(
      problem(Array("\u{1B}Pq#999999999999999999999999~\u{1B}\\".utf8))?.problem
        == .registerOutOfRange(register: 1_000_000_000, registers: 1024))
    let description = SixelDecodingError(.unterminated, at: 12).description
    #expect(description.contains("byte offset 12") && description.contains("terminator"))
  }

  @Test("limits bound width, height and area")
  func limits() {
    let limits = SixelDecoder.Limits(maxWidth: 100, maxHeight: 100, maxPixels: 2_000)
    let wide = Array("\u{1B}Pq!101~\u{1B}\\".utf8)
    let tall = Array("\u{1B}Pq\(String(repeating: "-", count: 17))~\u{1B}\\".utf8)
    let large = Array("\u{1B}Pq\"1;1;50;50\u{1B}\\".utf8)
    for bytes in [wide, tall, large] {
      #expect(throws: SixelDecodingError.self) { try SixelDecoder.decode(bytes, limits: limits) }
    }
    #expect(throws: Never.self) {
      try SixelDecoder.decode(Array("\u{1B}Pq!100~\u{1B}\\".utf8), limits: limits)
    }
  }

  @Test("every truncation of a valid image fails as unterminated, never crashes")
  func truncations() throws {
    var generator = SeededGenerator(seed: 12)
    let raster = RasterSamples.noise(width: 30, height: 14, colors: 12, using: &generator)
    let bytes = SixelEncoder.encode(
      raster, palette: RasterSamples.palette(count: 12, using: &generator))
    for length in 2..<(bytes.count - 1) {
      let error = problem(Array(bytes[..<length]))
      #expect(
        error == SixelDecodingError(.unterminated, at: length),
        "prefix of \(length) bytes: \(String(describing: error))")
    }
  }

  @Test("random garbage and mutated images decode or fail with an error value")
  func garbage() {
    var generator = SeededGenerator(seed: 13)
    let alphabet = Array("0123456789;#!$-\"?@~_^ \r\n\u{1B}\\Pq".utf8) + [0x90, 0x9C, 0x00, 0xFF]
    for _ in 0..<2_000 {
      var bytes: [UInt8] = [0x1B, 0x50]
      for _ in 0..<Int.random(in: 0..<80, using: &generator) {
        bytes.append(alphabet.randomElement(using: &generator) ?? 0)
      }
      if Bool.random(using: &generator) { bytes += [0x1B, 0x5C] }
      _ = problem(bytes)
    }
    let valid = SixelEncoder.encode(
      RasterSamples.noise(width: 20, height: 9, colors: 5, using: &generator),
      palette: RasterSamples.palette(count: 5, using: &generator))
    for _ in 0..<2_000 {
      var bytes = valid
      for _ in 0..<3 {
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        bytes[position] = alphabet.randomElement(using: &generator) ?? 0
      }
      _ = problem(bytes)
    }
  }
}
