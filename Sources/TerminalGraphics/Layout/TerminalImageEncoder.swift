import Imaging

/// Turns a display image into what a terminal protocol draws, and into inline output.
public enum TerminalImageEncoder {
  /// Choices that only some protocols use.
  public struct Options: Sendable, Equatable {
    /// Gray levels of a gray sixel (2...101).
    public var grayLevels: Int
    /// Color registers for a color sixel.
    public var colorRegisters: Int
    /// How half-blocks paint.
    public var blockColors: BlockColorMode
    /// kitty image id: a new frame under the same id replaces the previous one.
    public var kittyImageID: UInt32

    public init(
      grayLevels: Int = 101, colorRegisters: Int = 256, blockColors: BlockColorMode = .truecolor,
      kittyImageID: UInt32 = 1
    ) {
      self.grayLevels = grayLevels
      self.colorRegisters = colorRegisters
      self.blockColors = blockColors
      self.kittyImageID = kittyImageID
    }
  }

  /// Why an image could not be encoded.
  public struct Failure: Error, CustomStringConvertible, Equatable {
    public var description: String
  }

  /// The graphic for `image` (already resampled to `fit`'s pixel size), without cursor
  /// movement: a sixel DCS, kitty or iTerm2 escapes, or half-block text lines.
  public static func graphic(
    _ image: DisplayImage, as graphics: GraphicsProtocol, fit: ImageFit, options: Options = .init()
  ) throws(Failure) -> [UInt8] {
    switch graphics {
    case .sixel:
      switch image {
      case .gray(let gray):
        return GraySixelEncoder.encode(gray, levels: min(max(options.grayLevels, 2), 101))
      case .color(let color):
        do {
          return try ColorSixelEncoder.encode(color, colors: options.colorRegisters)
        } catch {
          throw Failure(description: error.description)
        }
      }
    case .kitty:
      return KittyGraphics.display(
        png: try png(image), imageID: options.kittyImageID, columns: fit.columns, rows: fit.rows)
    case .iterm2:
      return ITerm2Image.display(png: try png(image), columns: fit.columns, rows: fit.rows)
    case .blocks:
      return InlinePlacement.text(lines: HalfBlockEncoder.lines(image, colors: options.blockColors))
    }
  }

  /// Resamples `image` to `fit` and returns the bytes that print it at the cursor and leave the
  /// cursor at the start of the line below.
  public static func inline(
    _ image: DisplayImage, as graphics: GraphicsProtocol, fit: ImageFit, options: Options = .init()
  ) throws(Failure) -> [UInt8] {
    let sized = image.resized(width: fit.pixelWidth, height: fit.pixelHeight)
    let bytes = try graphic(sized, as: graphics, fit: fit, options: options)
    return graphics == .blocks ? bytes : InlinePlacement.wrap(graphic: bytes, rows: fit.rows)
  }

  private static func png(_ image: DisplayImage) throws(Failure) -> [UInt8] {
    do {
      return try PNGEncoder.encode(image)
    } catch {
      throw Failure(description: "cannot encode the PNG payload: \(error)")
    }
  }
}
