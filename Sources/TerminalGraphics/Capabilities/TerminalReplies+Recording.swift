/// Turns complete escape sequences into recorded replies; anything unrecognised is ignored.
extension TerminalReplies {
  /// Largest number of digits accepted in one parameter, so values always fit an `Int`.
  private static let maximumParameterDigits = 9

  mutating func recordControlSequence(parameters: [UInt8], intermediates: [UInt8], final: UInt8) {
    var body = parameters[...]
    var privateMarker: UInt8?
    if let first = body.first, (0x3C...0x3F).contains(first) {
      privateMarker = first
      body = body.dropFirst()
    }
    guard let values = Self.numericParameters(body) else { return }
    let isPrivate = privateMarker == UInt8(ascii: "?")

    switch (final, privateMarker, intermediates) {
    case (UInt8(ascii: "c"), _, []) where isPrivate:
      if !values.isEmpty { deviceAttributes = values }
    case (UInt8(ascii: "S"), _, []) where isPrivate:
      recordGraphicsAttributes(values)
    case (UInt8(ascii: "t"), nil, []):
      recordWindowReport(values)
    case (UInt8(ascii: "y"), _, [UInt8(ascii: "$")]) where isPrivate:
      recordModeReport(values)
    case (UInt8(ascii: "n"), nil, []):
      if values == [0] { statusReports += 1 }
    default:
      break
    }
  }

  private mutating func recordGraphicsAttributes(_ values: [Int]) {
    guard values.count >= 2, graphicsAttributes.count < Self.maximumGraphicsAttributeReplies
    else { return }
    graphicsAttributes.append(
      GraphicsAttributeReply(item: values[0], status: values[1], values: Array(values.dropFirst(2)))
    )
  }

  private mutating func recordWindowReport(_ values: [Int]) {
    guard values.count == 3 else { return }
    switch values[0] {
    case 4: textAreaPixels = PixelSize(width: values[2], height: values[1])
    case 6: cellPixels = PixelSize(width: values[2], height: values[1])
    case 8: textAreaCells = TextAreaCells(rows: values[1], columns: values[2])
    default: break
    }
  }

  private mutating func recordModeReport(_ values: [Int]) {
    guard values.count == 2, let modeState = PrivateModeState(rawValue: values[1]) else { return }
    guard privateModes[values[0]] != nil || privateModes.count < Self.maximumModeReplies else {
      return
    }
    privateModes[values[0]] = modeState
  }

  mutating func recordDeviceControlString(_ bytes: [UInt8]) {
    // XTVERSION: DCS > | text ST
    guard bytes.starts(with: [UInt8(ascii: ">"), UInt8(ascii: "|")]) else { return }
    let text = Self.printableText(bytes.dropFirst(2))
    if !text.isEmpty { terminalVersion = text }
  }

  mutating func recordApplicationProgramCommand(_ bytes: [UInt8]) {
    // kitty graphics: APC G key=value,... ; message ST
    guard bytes.first == UInt8(ascii: "G"),
      let separator = bytes.firstIndex(of: UInt8(ascii: ";"))
    else { return }
    let control = bytes[bytes.index(after: bytes.startIndex)..<separator]
    let message = Self.printableText(bytes[bytes.index(after: separator)...])
    var imageID: Int?
    for pair in control.split(separator: UInt8(ascii: ",")) {
      // An action key makes it a command (our own query echoed back), never a reply.
      if pair.starts(with: [UInt8(ascii: "a"), UInt8(ascii: "=")]) { return }
      if pair.starts(with: [UInt8(ascii: "i"), UInt8(ascii: "=")]) {
        imageID = Self.numericParameters(pair.dropFirst(2)).flatMap { $0.count == 1 ? $0[0] : nil }
      }
    }
    kittyGraphics = KittyGraphicsReply(imageID: imageID, message: message)
  }

  /// Parses `digits ; digits ...`; an empty parameter is 0; nil for anything else.
  static func numericParameters(_ bytes: ArraySlice<UInt8>) -> [Int]? {
    if bytes.isEmpty { return [] }
    var values: [Int] = []
    for field in bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
      guard field.count <= maximumParameterDigits else { return nil }
      var value = 0
      for byte in field {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      values.append(value)
    }
    return values
  }

  /// Decodes UTF-8 and drops control characters, so a reply can be shown to a person safely.
  static func printableText(_ bytes: ArraySlice<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars
    where scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) {
      scalars.append(scalar)
    }
    return String(scalars)
  }
}
