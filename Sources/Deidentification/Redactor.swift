/// Blanks rectangles in native pixel data: the Clean Pixel Data step done by rules.
public enum Redactor {
  /// `pixels` with every rectangle set to 0 in every frame and every sample; nothing else changes.
  ///
  /// Supports 8- and 16-bit grayscale and 8-bit RGB, little endian, as the shell decodes them.
  /// Rectangles are clipped to the image; one wholly outside it blanks nothing.
  public static func redact(
    pixels: [UInt8], layout: PixelLayout, rectangles: [RedactionRectangle]
  ) throws(DeidentificationError) -> [UInt8] {
    let supported =
      (layout.samplesPerPixel == 1 && (layout.bitsAllocated == 8 || layout.bitsAllocated == 16))
      || (layout.samplesPerPixel == 3 && layout.bitsAllocated == 8)
    guard supported else {
      throw DeidentificationError(
        "cannot redact \(layout.samplesPerPixel)-sample, \(layout.bitsAllocated)-bit pixels; "
          + "redaction supports 8/16-bit grayscale and 8-bit RGB")
    }
    guard layout.rows > 0, layout.columns > 0,
      layout.rows.multipliedReportingOverflow(by: layout.columns).overflow == false
    else {
      throw DeidentificationError(
        "cannot redact an image of \(layout.rows) x \(layout.columns) pixels")
    }
    let needed = layout.frameByteCount.multipliedReportingOverflow(by: layout.numberOfFrames)
    guard !needed.overflow, pixels.count >= needed.partialValue else {
      throw DeidentificationError(
        "the pixel data has \(pixels.count) bytes; \(layout.numberOfFrames) frame(s) of "
          + "\(layout.rows) x \(layout.columns) need \(layout.frameByteCount) bytes each")
    }
    var output = pixels
    let sampleBytes = layout.bytesPerSample
    let planeBytes = layout.rows * layout.columns * sampleBytes
    for frame in 0..<layout.numberOfFrames {
      let frameStart = frame * layout.frameByteCount
      for rectangle in rectangles {
        let left = max(0, rectangle.x)
        let right = min(layout.columns, rectangle.x.addingReportingOverflow(rectangle.width).0)
        let top = max(0, rectangle.y)
        let bottom = min(layout.rows, rectangle.y.addingReportingOverflow(rectangle.height).0)
        guard left < right, top < bottom else { continue }
        for row in top..<bottom {
          if layout.samplesPerPixel == 3 && layout.planarConfiguration == 1 {
            for plane in 0..<3 {
              let start =
                frameStart + plane * planeBytes + (row * layout.columns + left) * sampleBytes
              let end = start + (right - left) * sampleBytes
              output.replaceSubrange(start..<end, with: repeatElement(0, count: end - start))
            }
          } else {
            let pixelBytes = sampleBytes * layout.samplesPerPixel
            let start = frameStart + (row * layout.columns + left) * pixelBytes
            let end = start + (right - left) * pixelBytes
            output.replaceSubrange(start..<end, with: repeatElement(0, count: end - start))
          }
        }
      }
    }
    return output
  }
}
