/// Decodes one sixel DCS sequence into registers per pixel; bounded, and strict only where a
/// terminal would have to guess.
///
/// Accepts `ESC P` or 8-bit 0x90 as introducer and `ESC \` or 0x9C as terminator; honours P2,
/// raster attributes (the picture grows when data goes beyond them), `#n` selection, `#n;2;r;g;b`
/// and `#n;1;h;l;s` definitions, `!n` of any length, `$` and `-`. Whitespace and bytes with no
/// sixel meaning are skipped. A picture grows to cover every painted pixel; empty sixels (`?`)
/// move the cursor without growing it. The aspect ratio (raster attributes Pan;Pad, P1) is ignored:
/// pixels are square, as in xterm.
public enum SixelDecoder {
  /// Upper bounds that keep hostile input from allocating without limit.
  public struct Limits: Sendable, Equatable {
    public var maxWidth: Int
    public var maxHeight: Int
    /// Cap on width x height, so a tall and wide picture cannot pass both edge limits.
    public var maxPixels: Int
    /// Register numbers accepted in `#n` (xterm allows up to 1024); at most 65535.
    public var registers: Int

    /// Defaults: 16384 pixels per edge, 2^26 pixels in all, 1024 registers.
    public init(
      maxWidth: Int = 16_384, maxHeight: Int = 16_384, maxPixels: Int = 1 << 26,
      registers: Int = 1_024
    ) {
      self.maxWidth = maxWidth
      self.maxHeight = maxHeight
      self.maxPixels = maxPixels
      self.registers = registers
    }
  }

  /// Decodes the first sixel DCS in `bytes`; bytes before its introducer are skipped.
  ///
  /// - Throws: `SixelDecodingError` naming the problem and its byte offset.
  public static func decode(
    _ bytes: [UInt8], limits: Limits = Limits()
  ) throws(SixelDecodingError) -> DecodedSixel {
    var reader = SixelReader(bytes: bytes, limits: limits)
    return try reader.read()
  }
}

/// The decoder's cursor over the input: parse state, current colour and the canvas.
private struct SixelReader {
  /// Numbers saturate here: large enough for any real parameter, far from overflow.
  static let numberCeiling = 1_000_000_000

  let bytes: [UInt8]
  let limits: SixelDecoder.Limits
  var offset = 0
  var canvas: SixelCanvas
  var palette: [Int: SixelColor] = [:]
  var register = 0
  var column = 0
  var bandTop = 0
  var parameters: [Int] = []

  init(bytes: [UInt8], limits: SixelDecoder.Limits) {
    self.bytes = bytes
    self.limits = limits
    canvas = SixelCanvas(limits: limits)
    parameters.reserveCapacity(8)
  }

  mutating func read() throws(SixelDecodingError) -> DecodedSixel {
    let backgroundSelector = try readHeader()
    while offset < bytes.count {
      let byte = bytes[offset]
      switch byte {
      case 0x1B:
        guard offset + 1 < bytes.count else {
          throw SixelDecodingError(.unterminated, at: bytes.count)
        }
        guard bytes[offset + 1] == 0x5C else {
          throw SixelDecodingError(.unexpectedEscape(following: bytes[offset + 1]), at: offset)
        }
        return finish(backgroundSelector: backgroundSelector)
      case 0x9C:
        return finish(backgroundSelector: backgroundSelector)
      case 0x22:
        let start = offset
        offset += 1
        readParameters()
        if parameters.count >= 4 {
          try canvas.extend(width: parameters[2], height: parameters[3], at: start)
        }
      case 0x23:
        let start = offset
        offset += 1
        readParameters()
        try selectOrDefineColor(at: start)
      case 0x21:
        let start = offset
        offset += 1
        readParameters()
        let count = Swift.max(parameters.first ?? 1, 1)
        // The repeat applies to the next data byte; anything else cancels it (and is read normally).
        if offset < bytes.count, (0x3F...0x7E).contains(bytes[offset]) {
          try draw(bytes[offset], count: count, commandStart: start)
          offset += 1
        }
      case 0x24:
        column = 0
        offset += 1
      case 0x2D:
        column = 0
        bandTop += 6
        offset += 1
      case 0x3F...0x7E:
        try draw(byte, count: 1, commandStart: offset)
        offset += 1
      default:
        offset += 1
      }
    }
    throw SixelDecodingError(.unterminated, at: bytes.count)
  }

  /// Finds the introducer and reads the DCS parameters up to `q`; returns P2.
  private mutating func readHeader() throws(SixelDecodingError) -> Int {
    var found = false
    while offset < bytes.count, !found {
      if bytes[offset] == 0x90 {
        offset += 1
        found = true
      } else if bytes[offset] == 0x1B, offset + 1 < bytes.count, bytes[offset + 1] == 0x50 {
        offset += 2
        found = true
      } else {
        offset += 1
      }
    }
    guard found else { throw SixelDecodingError(.noIntroducer, at: 0) }
    readParameters()
    // Intermediate bytes (0x20...0x2F) may precede the final byte.
    while offset < bytes.count, (0x20...0x2F).contains(bytes[offset]) { offset += 1 }
    guard offset < bytes.count else { throw SixelDecodingError(.unterminated, at: bytes.count) }
    guard bytes[offset] == 0x71 else {
      throw SixelDecodingError(.notSixel(finalByte: bytes[offset]), at: offset)
    }
    offset += 1
    return parameters.count >= 2 ? parameters[1] : 0
  }

  /// Reads `n;n;...` from the cursor into `parameters`; an empty field counts as 0.
  private mutating func readParameters() {
    parameters.removeAll(keepingCapacity: true)
    var value = 0
    var sawAny = false
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte >= 0x30 && byte <= 0x39 {
        value = Swift.min(value * 10 + Int(byte - 0x30), SixelReader.numberCeiling)
        sawAny = true
      } else if byte == 0x3B {
        parameters.append(value)
        value = 0
        sawAny = true
      } else {
        break
      }
      offset += 1
    }
    if sawAny { parameters.append(value) }
  }

  private mutating func selectOrDefineColor(at start: Int) throws(SixelDecodingError) {
    let selected = parameters.first ?? 0
    // 0xFFFF marks unpainted cells, so no register may use it.
    let registers = Swift.min(limits.registers, Int(SixelCanvas.unpainted))
    guard selected < registers else {
      throw SixelDecodingError(
        .registerOutOfRange(register: selected, registers: registers), at: start)
    }
    register = selected
    guard parameters.count >= 5 else { return }
    let (x, y, z) = (parameters[2], parameters[3], parameters[4])
    switch parameters[1] {
    case 1: palette[selected] = SixelColor(hue: x, lightness: y, saturation: z)
    case 2: palette[selected] = SixelColor(red: x, green: y, blue: z)
    default: break
    }
  }

  private mutating func draw(
    _ byte: UInt8, count: Int, commandStart: Int
  ) throws(SixelDecodingError) {
    try canvas.paint(
      bits: byte - 0x3F, left: column, top: bandTop, count: count,
      register: UInt16(truncatingIfNeeded: register), at: commandStart)
    column = Swift.min(column + count, SixelReader.numberCeiling)
  }

  private func finish(backgroundSelector: Int) -> DecodedSixel {
    let width = canvas.width
    let height = canvas.height
    var indices = [UInt16](repeating: 0, count: width * height)
    var painted = [Bool](repeating: false, count: width * height)
    for row in 0..<height {
      for x in 0..<width {
        let cell = canvas.cells[row * canvas.stride + x]
        if cell != SixelCanvas.unpainted {
          indices[row * width + x] = cell
          painted[row * width + x] = true
        }
      }
    }
    return DecodedSixel(
      width: width, height: height, backgroundSelector: backgroundSelector, palette: palette,
      indices: indices, painted: painted)
  }
}
