import Annotations

/// What keys do right now; the raw value is the keymap table that applies.
public enum AppMode: String, Sendable, Hashable, CaseIterable {
  case normal
  /// Stepped window/level: arrows change width and level.
  case window
  /// Arrows pan, +/- zoom.
  case pan
  case box
  case polygon
  /// Reshaping the selected shape by its handles.
  case edit
  case classify
  /// Rapid classification: a digit answers and the next image follows.
  case rapid
  case command
  case help
}

/// The drawing tool in use.
public enum DrawingTool: String, Sendable, Hashable {
  case none
  case box
  case polygon
  /// A box over burned-in text, blanked in de-identified copies.
  case redact
}

/// A whole image pixel: column `x`, row `y`, from the top-left pixel.
public struct PixelPoint: Sendable, Hashable {
  public var x: Int
  public var y: Int

  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// The command line being typed after `:` (named apart from Swift's `CommandLine`, which it would hide).
public struct CommandLineText: Sendable, Equatable {
  public var text: String
  /// Characters before the cursor.
  public var cursor: Int

  public init(text: String = "", cursor: Int = 0) {
    self.text = text
    self.cursor = min(max(0, cursor), text.count)
  }
}

/// A classification in progress: which question is being answered, about what.
public struct PendingClassification: Sendable, Equatable {
  public var questionID: String
  public var level: AnnotationLevel

  public init(questionID: String, level: AnnotationLevel) {
    self.questionID = questionID
    self.level = level
  }
}
