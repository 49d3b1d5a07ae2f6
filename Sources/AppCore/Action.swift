import Annotations
import TUIKit

/// Something that happened: a key bound to a command, typed text, or a result from the shell.
public enum Action: Sendable, Equatable {
  /// A key sequence the keymap matched (`window.preset 1`).
  case command(BoundCommand)
  /// Text typed on the command line (keys the command mode does not bind, or a paste).
  case typed(String)
  /// The shell decoded a frame; what it learned about its values.
  case frameDecoded(stack: Int, frame: Int, facts: FrameFacts)
  /// The shell read the annotations of an image (and of its series and study) from the store.
  case annotationsLoaded(ImageReference, [Annotation])
  /// The store committed an edit (a `commit`, or what an undo or redo applied).
  case editCommitted(AnnotationEdit)
  /// The store refused an edit, or there was nothing to undo; the message says why.
  case editFailed(String)
  /// The terminal changed size.
  case resized(ScreenSize)
  /// The sync engine's state in a few words (`synced`, `3 to push`, `1 conflict`).
  case syncChanged(String)
  /// The open sync conflicts, after a sync or a resolution.
  case conflictsChanged([ConflictSummary])
  /// The cine timer fired (the shell sends it every `AppState.cineInterval` seconds).
  case tick
  /// The value under the crosshair that a `sampleValue` effect asked for; nil outside the image.
  case valueSampled(stack: Int, frame: Int, point: PixelPoint, value: SampledValue?)
}

/// A measured value at one pixel: the modality value (HU for CT) with its unit.
public struct SampledValue: Sendable, Equatable {
  public var value: Double
  /// `HU`, or empty when the file names no unit.
  public var unit: String

  public init(value: Double, unit: String) {
    self.value = value
    self.unit = unit
  }
}

/// What the shell learned from decoding a frame that the state needs.
public struct FrameFacts: Sendable, Equatable {
  /// The file's Window Center / Width pairs, in order.
  public var windows: [WindowLevel]
  /// A window spanning the frame's modality values, for `window.auto`.
  public var automatic: WindowLevel?
  /// The frame's position in mm along the stack's normal, when the file gives one.
  public var slicePosition: Double?

  public init(windows: [WindowLevel], automatic: WindowLevel?, slicePosition: Double? = nil) {
    self.windows = windows
    self.automatic = automatic
    self.slicePosition = slicePosition
  }
}

/// Work for the shell; results come back as actions.
public enum Effect: Sendable, Equatable {
  /// Decode (or take from the cache) this frame and answer with `frameDecoded`.
  case decodeFrame(stack: Int, frame: Int)
  /// Read the annotations of this image and answer with `annotationsLoaded`.
  case loadAnnotations(ImageReference)
  /// Commit the edit to the workspace and answer with `editCommitted` (or `editFailed`).
  case commit(AnnotationEdit)
  /// Undo or redo the newest edit of the workspace history and answer with `editCommitted`.
  case undo
  case redo
  /// Decode and encode these frames of a stack ahead of time (rapid mode, cine), newest first.
  case prefetch(stack: Int, frames: [Int])
  /// Read the modality value at `point` and answer with `valueSampled`.
  case sampleValue(stack: Int, frame: Int, point: PixelPoint)
  /// Settle a sync conflict (`mine`, `theirs` or `both`) and answer with `conflictsChanged`
  /// and the reloaded annotations.
  case resolveConflict(annotationID: String, choice: String)
  /// Sync now instead of at the next interval.
  case syncNow
  /// Repaint everything, text and image (Ctrl-L, or after a resize).
  case redraw
  case quit
}

/// A sync conflict as the screen shows it.
public struct ConflictSummary: Sendable, Equatable {
  public var annotationID: String
  /// `hemorrhage box`.
  public var title: String
  /// `yours: moved; server: r3 by alice`.
  public var detail: String

  public init(annotationID: String, title: String, detail: String) {
    self.annotationID = annotationID
    self.title = title
    self.detail = detail
  }
}
