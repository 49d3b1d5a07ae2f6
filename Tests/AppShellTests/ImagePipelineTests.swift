import Imaging
import TerminalGraphics
import Testing

@Suite struct ImagePipelineTests {
  @Test func samplingAtScaleOneCopiesTheImage() {
    let image = GrayImage(width: 3, height: 2, pixels: [0, 50, 100, 150, 200, 250])
    let sampled = ViewportSampler.sample(
      image, width: 3, height: 2, scale: 1, offsetX: 0, offsetY: 0)
    #expect(sampled == image)
  }

  @Test func samplingLeavesBlackWhereTheImageDoesNotReach() {
    let image = GrayImage(width: 2, height: 2, pixels: [200, 200, 200, 200])
    let sampled = ViewportSampler.sample(
      image, width: 4, height: 2, scale: 1, offsetX: 1, offsetY: 0)
    #expect(sampled.pixels == [0, 200, 200, 0, 0, 200, 200, 0])
    let nothing = ViewportSampler.sample(
      image, width: 2, height: 2, scale: .nan, offsetX: 0, offsetY: 0)
    #expect(nothing.pixels == [0, 0, 0, 0])
  }

  @Test func magnifyingInterpolatesBetweenPixelCentres() {
    let image = GrayImage(width: 2, height: 1, pixels: [0, 200])
    let sampled = ViewportSampler.sample(
      image, width: 4, height: 2, scale: 2, offsetX: 0, offsetY: 0)
    // Display centres 0.5, 1.5, 2.5, 3.5 lie at source 0.25, 0.75, 1.25, 1.75: edges clamp.
    #expect(Array(sampled.pixels.prefix(4)) == [0, 50, 150, 200])
  }

  @Test func aTallerScaleStretchesRows() {
    let image = GrayImage(width: 2, height: 2, pixels: [10, 20, 30, 40])
    let sampled = ViewportSampler.sample(
      image, width: 2, height: 4, scale: 1, scaleY: 2, offsetX: 0, offsetY: 0)
    #expect(sampled.height == 4)
    #expect(sampled.pixels[0] == 10 && sampled.pixels[6] == 30)
  }

  @Test func overlayColorsGetRegistersAfterTheGrays() {
    let rgb = RGBImage(
      width: 3, height: 1, pixels: [0, 0, 0, 255, 255, 255, 255, 0, 0])
    let raster = LevelRaster(rgb: rgb, levels: 101)
    #expect(raster.raster.indices == [0, 100, 101])
    #expect(raster.palette.count == 102)
    #expect(raster.palette[101] == SixelColor(red: 100, green: 0, blue: 0))
    #expect(!raster.raster.indices.contains(LevelRaster.unusedIndex))
  }

  @Test func overlayRegistersDoNotDependOnWhichColourComesFirst() throws {
    // A red shape on row 0 and a green crosshair pixel that moves from row 2 to above it: the
    // palette stays the same, so only the rows that changed are sent again.
    let red: [UInt8] = [255, 0, 0]
    let green: [UInt8] = [0, 255, 0]
    let gray: [UInt8] = [40, 40, 40]
    let before = LevelRaster(
      rgb: RGBImage(width: 2, height: 3, pixels: gray + red + gray + gray + green + gray),
      levels: 101)
    let after = LevelRaster(
      rgb: RGBImage(width: 2, height: 3, pixels: green + red + gray + gray + gray + gray),
      levels: 101)
    #expect(after.palette == before.palette)
    let changed = try #require(after.changedRegion(since: before))
    #expect(changed.rows == 0..<3 && changed.columns == 0..<1)
    #expect(after.raster.indices[1] == before.raster.indices[1])
  }

  @Test func theChangedRegionBoundsEveryDifference() throws {
    var pixels = [UInt8](repeating: 10, count: 4 * 6)
    let before = LevelRaster(gray: GrayImage(width: 4, height: 6, pixels: pixels), levels: 32)
    #expect(before.changedRegion(since: before) == nil)
    pixels[1 * 4 + 2] = 250
    pixels[3 * 4 + 1] = 250
    let after = LevelRaster(gray: GrayImage(width: 4, height: 6, pixels: pixels), levels: 32)
    let changed = try #require(after.changedRegion(since: before))
    #expect(changed.rows == 1..<4 && changed.columns == 1..<3)
    let region = after.region(rows: 1..<4, columns: 1..<3)
    #expect(region.width == 2 && region.height == 3)
    let expected = (1..<4).flatMap { row in (1..<3).map { after.raster.indices[row * 4 + $0] } }
    #expect(region.indices == expected)
    #expect(Set(region.indices).count == 2)
  }
}
