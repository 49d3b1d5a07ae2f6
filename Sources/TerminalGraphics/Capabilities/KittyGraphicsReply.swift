/// A kitty graphics protocol reply, `ESC _ G i=<id>;<message> ESC \`.
public struct KittyGraphicsReply: Sendable, Hashable {
  /// The image id the reply refers to, if the reply named one.
  public var imageID: Int?
  /// `OK` on success, otherwise an error such as `ENOTSUPPORTED:...`.
  public var message: String

  public init(imageID: Int?, message: String) {
    self.imageID = imageID
    self.message = message
  }

  /// Whether the terminal accepted the request.
  public var isOK: Bool { message == "OK" }
}
