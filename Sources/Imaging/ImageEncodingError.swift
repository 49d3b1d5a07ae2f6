/// Why an image could not be written as a file.
public enum ImageEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pixel buffer does not hold width x height pixels.
  case pixelCountMismatch(width: Int, height: Int, bytes: Int)
  /// The format cannot hold an image of this size (zero, or past its limits).
  case unsupportedSize(width: Int, height: Int)
  /// zlib's compress2 returned this status.
  case compressionFailed(status: Int32)

  /// What went wrong with the image handed to the writer.
  public var description: String {
    switch self {
    case .pixelCountMismatch(let width, let height, let bytes):
      "image of \(width) x \(height) pixels has \(bytes) bytes of pixel data"
    case .unsupportedSize(let width, let height):
      "image size \(width) x \(height) is outside 1...2147483647 in each direction"
    case .compressionFailed(let status):
      "zlib compress2 failed with status \(status)"
    }
  }
}

/// Checks what every writer needs: a positive size within 31 bits and the right byte count.
func checkImage(width: Int, height: Int, bytes: Int, consistent: Bool)
  throws(ImageEncodingError)
{
  let limit = 1...Int(Int32.max)
  guard limit.contains(width), limit.contains(height) else {
    throw .unsupportedSize(width: width, height: height)
  }
  guard consistent else {
    throw .pixelCountMismatch(width: width, height: height, bytes: bytes)
  }
}
