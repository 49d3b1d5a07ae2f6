import Annotations

/// The attribute form over the side panel: which annotation, and which row is chosen.
public struct AttributeForm: Sendable, Equatable {
  public var annotationID: String
  public var row: Int

  public init(annotationID: String, row: Int = 0) {
    self.annotationID = annotationID
    self.row = row
  }
}

/// Rapid classification in progress: the question, the pace, and the images answered in order.
public struct RapidSession: Sendable, Equatable {
  public var questionID: String
  /// When rapid mode was entered.
  public var startedAt: Timestamp
  public var answered: Int = 0
  /// When the newest answer was given; with `startedAt`, the pace.
  public var lastAnsweredAt: Timestamp?
  /// The images answered, oldest first, so undo can step back to them.
  public var trail: [ImagePosition] = []

  public init(questionID: String, startedAt: Timestamp) {
    self.questionID = questionID
    self.startedAt = startedAt
  }

  /// Images answered per minute since entry; nil before the first answer or with no time passed.
  public var imagesPerMinute: Double? {
    guard let last = lastAnsweredAt else { return nil }
    let milliseconds = last.millisecondsSinceEpoch - startedAt.millisecondsSinceEpoch
    guard milliseconds > 0 else { return nil }
    return Double(answered) * 60_000 / Double(milliseconds)
  }
}

/// A frame of a stack, by index.
public struct ImagePosition: Sendable, Hashable {
  public var stack: Int
  public var frame: Int

  public init(stack: Int, frame: Int) {
    self.stack = stack
    self.frame = frame
  }
}

/// The pixel a `sampleValue` effect asked about: a frame and a point on it.
public struct SamplePoint: Sendable, Hashable {
  public var stack: Int
  public var frame: Int
  public var point: PixelPoint

  public init(stack: Int, frame: Int, point: PixelPoint) {
    self.stack = stack
    self.frame = frame
    self.point = point
  }
}
