import Testing

@testable import TerminalGraphics

@Suite struct ImageFitTests {
  let cell = PixelSize(width: 8, height: 17)

  @Test func sixelFillsTheLimitingSideInWholeBands() {
    // 120 x 44 cells of 8 x 17 px: 960 x 748 px, height limits; 748 rounds down to 744 (124 bands).
    let fit = ImageFitting.fit(
      width: 512, height: 512, heightOverWidth: 1, columns: 120, rows: 44, cell: cell,
      protocol: .sixel)
    #expect(fit.pixelHeight == 744 && fit.pixelWidth == 744)
    #expect(fit.columns == 93 && fit.rows == 44)
  }

  @Test func pixelSpacingStretchesTheImage() {
    // Pixels twice as tall as wide: a 100 x 100 image shows twice as tall as wide.
    let fit = ImageFitting.fit(
      width: 100, height: 100, heightOverWidth: 2, columns: 200, rows: 60, cell: cell,
      protocol: .kitty)
    #expect(fit.pixelHeight == 1020 && fit.pixelWidth == 510)
  }

  @Test func terminalMaximumGeometryCaps() {
    let fit = ImageFitting.fit(
      width: 2000, height: 1000, heightOverWidth: 1, columns: 300, rows: 100, cell: cell,
      protocol: .sixel, maxPixels: PixelSize(width: 1000, height: 1000))
    #expect(fit.pixelWidth == 1000 && fit.pixelHeight == 500)
  }

  @Test func sixelNeverPaintsBelowItsRows() {
    for rows in 1...30 {
      for height in [1, 5, 6, 7, 97, 511, 512] {
        let fit = ImageFitting.fit(
          width: 300, height: height, heightOverWidth: 1, columns: 80, rows: rows, cell: cell,
          protocol: .sixel)
        #expect(fit.rows <= rows, "rows \(rows) height \(height)")
        #expect((fit.pixelHeight + 5) / 6 * 6 <= max(rows * cell.height / 6 * 6, 6))
      }
    }
  }

  @Test func halfBlocksUseTwoPixelsPerCellRow() {
    // 80 x 24 cells of 8 x 16: the area is 640 x 384 px; a square image is 384 px = 48 cells wide,
    // 48 block rows (24 cells) tall.
    let fit = ImageFitting.fit(
      width: 512, height: 512, heightOverWidth: 1, columns: 80, rows: 24,
      cell: PixelSize(width: 8, height: 16), protocol: .blocks)
    #expect(fit.pixelWidth == 48 && fit.pixelHeight == 48)
    #expect(fit.columns == 48 && fit.rows == 24)
  }

  @Test func degenerateInputsStillGiveOnePixel() {
    let fit = ImageFitting.fit(
      width: 0, height: 0, heightOverWidth: .nan, columns: 0, rows: 0,
      cell: PixelSize(width: 0, height: 0), protocol: .sixel)
    #expect(fit.pixelWidth >= 1 && fit.pixelHeight >= 1 && fit.columns >= 1 && fit.rows >= 1)
  }
}
