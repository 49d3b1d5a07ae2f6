import Imaging
import Testing

@Suite struct ResamplerTests {
  @Test func sameSizeIsUntouched() {
    let image = GrayImage(width: 3, height: 2, pixels: [1, 2, 3, 4, 5, 6])
    #expect(Resampler.resize(image, width: 3, height: 2) == image)
  }

  @Test func flatImagesStayFlatAtAnySize() {
    let gray = GrayImage(width: 7, height: 5, pixels: .init(repeating: 137, count: 35))
    for (width, height) in [(1, 1), (3, 2), (14, 10), (100, 3), (2, 60)] {
      let resized = Resampler.resize(gray, width: width, height: height)
      #expect(resized.width == width && resized.height == height)
      #expect(resized.pixels.allSatisfy { $0 == 137 }, "\(width)x\(height)")
    }
    let pixel: [UInt8] = [10, 200, 90]
    let color = RGBImage(width: 4, height: 4, pixels: Array((0..<16).map { _ in pixel }.joined()))
    let resized = Resampler.resize(color, width: 9, height: 3)
    #expect(resized.pixels == Array((0..<27).map { _ in pixel }.joined()))
  }

  @Test func halvingAveragesNeighbours() {
    // Columns 0 and 255 alternate: shrinking by two must give mid-grays, not every other column.
    let stripes = GrayImage(
      width: 8, height: 1, pixels: (0..<8).map { $0.isMultiple(of: 2) ? 0 : 255 })
    let half = Resampler.resize(stripes, width: 4, height: 1)
    #expect(half.pixels.allSatisfy { (96...160).contains($0) }, "\(half.pixels)")
  }

  @Test func enlargingInterpolatesMonotonically() {
    let ramp = GrayImage(width: 2, height: 1, pixels: [0, 200])
    let wide = Resampler.resize(ramp, width: 8, height: 1)
    #expect(wide.pixels.first == 0 && wide.pixels.last == 200)
    #expect(zip(wide.pixels, wide.pixels.dropFirst()).allSatisfy { $0 <= $1 })
  }

  @Test func emptyTargetsAndSourcesDoNotCrash() {
    let image = GrayImage(width: 2, height: 2, pixels: [1, 2, 3, 4])
    #expect(Resampler.resize(image, width: 0, height: 5).pixels.isEmpty)
    let empty = GrayImage(width: 0, height: 0, pixels: [])
    #expect(Resampler.resize(empty, width: 2, height: 2).pixels == [0, 0, 0, 0])
  }
}
