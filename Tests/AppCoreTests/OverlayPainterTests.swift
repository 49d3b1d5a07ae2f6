import Annotations
import Imaging
import Testing

@testable import AppCore

@Suite struct OverlayPainterTests {
  let red = LabelColor(red: 229, green: 57, blue: 53)
  let gray = GrayImage(width: 8, height: 8, pixels: [UInt8](repeating: 100, count: 64))

  /// The RGB triple at (x, y).
  func pixel(_ image: RGBImage, _ x: Int, _ y: Int) -> [UInt8] {
    let index = (y * image.width + x) * 3
    return Array(image.pixels[index..<index + 3])
  }

  /// `#` where the pixel has `color`, `.` where it is still the gray 100, `?` otherwise.
  func map(_ image: RGBImage, _ color: LabelColor) -> String {
    (0..<image.height).map { y in
      String(
        (0..<image.width).map { x -> Character in
          let value = pixel(image, x, y)
          if value == [color.red, color.green, color.blue] { return "#" }
          return value == [100, 100, 100] ? "." : "?"
        })
    }.joined(separator: "\n")
  }

  @Test func boxEdgesLieOnItsOwnPixelsAtScaleOne() {
    let overlay = Overlay(
      shapes: [OverlayShape(.box(BoundingBox(x: 2, y: 1, width: 3, height: 4)), color: red)])
    let image = OverlayPainter.paint(gray, overlay: overlay, transform: ImageToDisplay(scale: 1))
    #expect(image.width == 8 && image.height == 8)
    #expect(
      map(image, red) == """
        ........
        ..###...
        ..#.#...
        ..#.#...
        ..###...
        ........
        ........
        ........
        """)
  }

  @Test func boxScalesWithTheDisplayAndTheSelectedOneIsThick() {
    let overlay = Overlay(
      shapes: [
        OverlayShape(
          .box(BoundingBox(x: 1, y: 1, width: 2, height: 1)), color: red, highlighted: true)
      ])
    let image = OverlayPainter.paint(gray, overlay: overlay, transform: ImageToDisplay(scale: 2))
    #expect(
      map(image, red) == """
        ........
        ........
        ..#####.
        ..#####.
        ..#####.
        ........
        ........
        ........
        """)
  }

  @Test func closedPolygonThroughPixelCenters() {
    let points = [
      ImagePoint(x: 1.5, y: 1.5), ImagePoint(x: 5.5, y: 1.5), ImagePoint(x: 1.5, y: 5.5),
    ]
    let overlay = Overlay(shapes: [OverlayShape(.path(points, closed: true), color: red)])
    let image = OverlayPainter.paint(gray, overlay: overlay, transform: ImageToDisplay(scale: 1))
    #expect(
      map(image, red) == """
        ........
        .#####..
        .#..#...
        .#.#....
        .##.....
        .#......
        ........
        ........
        """)
  }

  @Test func crosshairLeavesThePointedPixelVisible() {
    let yellow = LabelColor(red: 255, green: 212, blue: 0)
    let overlay = Overlay(crosshair: PixelPoint(x: 3, y: 3), crosshairColor: yellow)
    let image = OverlayPainter.paint(gray, overlay: overlay, transform: ImageToDisplay(scale: 1))
    #expect(
      map(image, yellow) == """
        ...#....
        ...#....
        ...#....
        ###.####
        ...#....
        ...#....
        ...#....
        ...#....
        """)
  }

  @Test func shapesOutsideTheDisplayAndBadInputDoNotCrash() {
    let overlay = Overlay(
      shapes: [
        OverlayShape(.box(BoundingBox(x: -50, y: 1e300, width: .nan, height: 3)), color: red),
        OverlayShape(
          .path([ImagePoint(x: -1e12, y: 4), ImagePoint(x: 1e12, y: 4)], closed: false), color: red),
      ], crosshair: PixelPoint(x: 500, y: 500))
    let image = OverlayPainter.paint(gray, overlay: overlay, transform: ImageToDisplay(scale: 1))
    #expect(image.isConsistent)
    let broken = GrayImage(width: 4, height: 4, pixels: [1, 2])
    #expect(OverlayPainter.paint(broken, overlay: overlay, transform: .init(scale: 1)).isConsistent)
  }

  @Test func fittingCentersTheImageAndPanMovesIt() {
    let fit = ImageToDisplay.fitting(ImageSize(columns: 64, rows: 64), width: 256, height: 128)
    #expect(fit == ImageToDisplay(scale: 2, offsetX: 64, offsetY: 0))
    let zoomed = ImageToDisplay.fitting(
      ImageSize(columns: 64, rows: 64), width: 128, height: 128, zoom: 2,
      pan: PixelPoint(x: 8, y: 0))
    #expect(zoomed == ImageToDisplay(scale: 4, offsetX: -96, offsetY: -64))
  }

  /// Pixels twice as tall as wide (row spacing 1 mm, column spacing 0.5 mm) are drawn so.
  @Test func nonSquarePixelsStretchTheHeight() {
    let fit = ImageToDisplay.fitting(
      ImageSize(columns: 64, rows: 32), width: 128, height: 128, heightOverWidth: 2)
    #expect(fit == ImageToDisplay(scale: 2, scaleY: 4, offsetX: 0, offsetY: 0))
    let gray = GrayImage(width: 64, height: 32, pixels: [UInt8](repeating: 0, count: 64 * 32))
    let boxed = OverlayPainter.paint(
      gray,
      overlay: Overlay(
        shapes: [
          OverlayShape(
            .box(BoundingBox(x: 0, y: 0, width: 64, height: 32)),
            color: LabelColor(red: 255, green: 0, blue: 0))
        ]), transform: fit)
    // The box's bottom edge lies at display row 127 of a 64x32 canvas: it is clipped, the
    // top edge is at row 0.
    #expect(boxed.pixels[0] == 255)
  }

  @Test func stateOverlayHasShapesDraftAndCrosshair() throws {
    var session = try Session.started()
    session.commitAll(try session.press("b <Enter><Right><Enter> <Tab>"))
    #expect(session.state.overlay.shapes.isEmpty == false)
    try session.press("<Esc><Esc> <Tab> b <Enter> <Down>")
    let overlay = session.state.overlay
    #expect(overlay.crosshair == PixelPoint(x: 33, y: 33))
    let hemorrhage = LabelColor(red: 0xe5, green: 0x39, blue: 0x35)
    #expect(
      overlay.shapes == [
        OverlayShape(
          .box(BoundingBox(x: 32, y: 32, width: 2, height: 1)), color: hemorrhage,
          highlighted: true),
        OverlayShape(.box(BoundingBox(x: 33, y: 32, width: 1, height: 2)), color: hemorrhage),
      ])
  }
}
