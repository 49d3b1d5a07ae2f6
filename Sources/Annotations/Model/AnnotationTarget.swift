/// One frame of one image instance; frames are numbered from 1, as in DICOM.
public struct ImageReference: Sendable, Hashable, Codable {
  public var studyInstanceUID: String
  public var seriesInstanceUID: String
  public var sopInstanceUID: String
  public var frame: Int

  public init(
    studyInstanceUID: String, seriesInstanceUID: String, sopInstanceUID: String, frame: Int = 1
  ) {
    self.studyInstanceUID = studyInstanceUID
    self.seriesInstanceUID = seriesInstanceUID
    self.sopInstanceUID = sopInstanceUID
    self.frame = frame
  }
}

/// What an annotation is about: a whole study, a whole series, or one image frame.
public enum AnnotationTarget: Sendable, Hashable, Codable {
  case study(studyInstanceUID: String)
  case series(studyInstanceUID: String, seriesInstanceUID: String)
  case image(ImageReference)

  public var level: AnnotationLevel {
    switch self {
    case .study: return .study
    case .series: return .series
    case .image: return .image
    }
  }

  public var studyInstanceUID: String {
    switch self {
    case .study(let study), .series(let study, _): return study
    case .image(let image): return image.studyInstanceUID
    }
  }

  /// Nil for a study target.
  public var seriesInstanceUID: String? {
    switch self {
    case .study: return nil
    case .series(_, let series): return series
    case .image(let image): return image.seriesInstanceUID
    }
  }

  /// The frame, for an image target.
  public var image: ImageReference? {
    if case .image(let image) = self { return image }
    return nil
  }

  private enum CodingKeys: String, CodingKey {
    case level
    case studyInstanceUID = "study_uid"
    case seriesInstanceUID = "series_uid"
    case sopInstanceUID = "sop_instance_uid"
    case frame
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let level = try container.decode(AnnotationLevel.self, forKey: .level)
    let study = try container.decode(String.self, forKey: .studyInstanceUID)
    switch level {
    case .study:
      self = .study(studyInstanceUID: study)
    case .series:
      self = .series(
        studyInstanceUID: study,
        seriesInstanceUID: try container.decode(String.self, forKey: .seriesInstanceUID))
    case .image:
      self = .image(
        ImageReference(
          studyInstanceUID: study,
          seriesInstanceUID: try container.decode(String.self, forKey: .seriesInstanceUID),
          sopInstanceUID: try container.decode(String.self, forKey: .sopInstanceUID),
          frame: try container.decode(Int.self, forKey: .frame)))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(level, forKey: .level)
    try container.encode(studyInstanceUID, forKey: .studyInstanceUID)
    try container.encodeIfPresent(seriesInstanceUID, forKey: .seriesInstanceUID)
    if let image {
      try container.encode(image.sopInstanceUID, forKey: .sopInstanceUID)
      try container.encode(image.frame, forKey: .frame)
    }
  }
}
