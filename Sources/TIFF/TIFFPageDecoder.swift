import CTIFF

/// Decodes the current directory of a handle into samples, strip by strip or tile by tile.
struct TIFFPageDecoder {
  let handle: TIFFHandle
  let info: TIFFPageInfo

  private var bytesPerSample: Int { info.bitsPerSample / 8 }
  private var planeCount: Int { info.planarConfiguration == .separate ? info.samplesPerPixel : 1 }
  private var samplesPerPlanePixel: Int {
    info.planarConfiguration == .separate ? 1 : info.samplesPerPixel
  }

  func decode() throws -> TIFFPage {
    if bytesPerSample == 1 {
      let stored: [UInt8] = try readStoredSamples()
      return try convert(stored) { .uint8($0) }
    }
    let stored: [UInt16] = try readStoredSamples()
    if info.sampleFormat == .signedInteger {
      return try convert(stored) { .int16($0.map { Int16(bitPattern: $0) }) }
    }
    return try convert(stored) { .uint16($0) }
  }

  /// Turns samples in file layout into interleaved MinIsBlack / RGB samples.
  private func convert<Sample: FixedWidthInteger & UnsignedInteger>(
    _ stored: [Sample], wrap: ([Sample]) -> TIFFSamples
  ) throws -> TIFFPage {
    let pixelCount = info.width * info.height
    var samples =
      info.planarConfiguration == .separate
      ? TIFFSampleLayout.interleave(planes: stored, planeCount: info.samplesPerPixel)
      : stored
    let colorSamples = info.samplesPerPixel - info.extraSamples
    if info.extraSamples > 0 {
      TIFFSampleLayout.keepLeadingSamples(
        &samples, of: info.samplesPerPixel, keeping: colorSamples, pixelCount: pixelCount)
    }
    let dropped = info.extraSamples > 0
    switch info.photometric {
    case .minIsWhite:
      TIFFSampleLayout.invert(&samples)
      return page(wrap(samples), components: 1, inverted: true, dropped: dropped)
    case .palette:
      guard let map = handle.colormap(entries: 1 << info.bitsPerSample) else {
        throw error(.corruptPixelData, "palette page without a colormap")
      }
      let indices = samples.map { UInt8(truncatingIfNeeded: $0) }
      let rgb = TIFFSampleLayout.expandPalette(
        indices, red: map.red, green: map.green, blue: map.blue)
      return page(.uint8(rgb), components: 3, palette: true, dropped: dropped)
    default:
      return page(wrap(samples), components: colorSamples, dropped: dropped)
    }
  }

  private func page(
    _ samples: TIFFSamples, components: Int, inverted: Bool = false, palette: Bool = false,
    dropped: Bool
  ) -> TIFFPage {
    TIFFPage(
      info: info, components: components, samples: samples, invertedFromMinIsWhite: inverted,
      expandedFromPalette: palette, droppedExtraSamples: dropped)
  }

  /// Samples as stored: one interleaved image (contiguous) or one plane per sample (separate).
  private func readStoredSamples<Sample: FixedWidthInteger>() throws -> [Sample] {
    let rowBytes = info.width * samplesPerPlanePixel * bytesPerSample
    let scanlineSize = Int(TIFFScanlineSize64(handle.tif))
    guard scanlineSize == rowBytes else {
      throw error(.unsupported, "rows of \(scanlineSize) bytes where \(rowBytes) were expected")
    }
    var samples = [Sample](repeating: 0, count: info.width * info.height * info.samplesPerPixel)
    try samples.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      if info.isTiled {
        try readTiles(into: base, rowBytes: rowBytes)
      } else {
        try readStrips(into: base, rowBytes: rowBytes)
      }
    }
    return samples
  }

  private func readStrips(into base: UnsafeMutableRawPointer, rowBytes: Int) throws {
    let declared = Int(handle.uint32(TIFFTAG_ROWSPERSTRIP) ?? UInt32.max)
    let rowsPerStrip = declared <= 0 ? info.height : min(declared, info.height)
    let stripsPerPlane = (info.height + rowsPerStrip - 1) / rowsPerStrip
    let stripCount = Int(TIFFNumberOfStrips(handle.tif))
    guard stripCount >= stripsPerPlane * planeCount else {
      throw error(
        .corruptPixelData,
        "\(stripCount) strips where \(stripsPerPlane * planeCount) are needed")
    }
    let planeBytes = rowBytes * info.height
    for plane in 0..<planeCount {
      for strip in 0..<stripsPerPlane {
        let firstRow = strip * rowsPerStrip
        let byteCount = min(rowsPerStrip, info.height - firstRow) * rowBytes
        let target = base + plane * planeBytes + firstRow * rowBytes
        let stripIndex = UInt32(plane * stripsPerPlane + strip)
        let decoded = TIFFReadEncodedStrip(handle.tif, stripIndex, target, tmsize_t(byteCount))
        try check(decoded: Int(decoded), expected: byteCount, what: "strip \(stripIndex)")
      }
    }
  }

  private func readTiles(into base: UnsafeMutableRawPointer, rowBytes: Int) throws {
    let tileWidth = Int(handle.uint32(TIFFTAG_TILEWIDTH) ?? 0)
    let tileHeight = Int(handle.uint32(TIFFTAG_TILELENGTH) ?? 0)
    let pixelBytes = samplesPerPlanePixel * bytesPerSample
    let tileBytes = tileWidth * tileHeight * pixelBytes
    guard tileWidth > 0, tileHeight > 0, tileWidth <= 65_536, tileHeight <= 65_536,
      Int(TIFFTileSize64(handle.tif)) == tileBytes
    else {
      throw error(.unsupported, "tiles of \(tileWidth)×\(tileHeight) pixels")
    }
    let tile = UnsafeMutableRawPointer.allocate(byteCount: tileBytes, alignment: 16)
    defer { tile.deallocate() }
    let planeBytes = rowBytes * info.height
    for plane in 0..<planeCount {
      for top in stride(from: 0, to: info.height, by: tileHeight) {
        for left in stride(from: 0, to: info.width, by: tileWidth) {
          let tileIndex = TIFFComputeTile(
            handle.tif, UInt32(left), UInt32(top), 0, UInt16(plane))
          let decoded = TIFFReadEncodedTile(handle.tif, tileIndex, tile, tmsize_t(tileBytes))
          try check(decoded: Int(decoded), expected: tileBytes, what: "tile \(tileIndex)")
          let copyBytes = min(tileWidth, info.width - left) * pixelBytes
          for row in 0..<min(tileHeight, info.height - top) {
            let target = base + plane * planeBytes + (top + row) * rowBytes + left * pixelBytes
            target.copyMemory(from: tile + row * tileWidth * pixelBytes, byteCount: copyBytes)
          }
        }
      }
    }
  }

  /// A short read or any error libtiff reported while decoding makes the page corrupt.
  private func check(decoded: Int, expected: Int, what: String) throws {
    if let message = handle.recordedError {
      throw error(.corruptPixelData, message)
    }
    guard decoded == expected else {
      throw error(.corruptPixelData, "\(what) decoded to \(decoded) bytes, expected \(expected)")
    }
  }

  private func error(_ kind: TIFFError.Kind, _ detail: String) -> TIFFError {
    TIFFError(path: handle.path, page: info.index, kind: kind, detail: detail)
  }
}
