import Annotations
import AppCore
import Foundation
import Workspace

/// Every stack of a workspace as the TUI shows it, with where each frame's pixels are.
public struct WorkspaceStudy: Sendable {
  /// All stacks of all studies, patient by patient, study by study, series by series.
  public var study: StudyInfo
  /// Per stack, per frame in display order: the file and its 1-based frame number.
  public var locations: [[FrameLocation]]

  /// Reads the index of `workspace`; a workspace without images gives no stacks.
  public init(workspace: Workspace) throws {
    var stacks: [StackInfo] = []
    var locations: [[FrameLocation]] = []
    var studyDescriptions: Set<String> = []
    var firstStudyUID = ""
    for patient in try workspace.index.tree() {
      for study in patient.studies {
        if firstStudyUID.isEmpty { firstStudyUID = study.studyInstanceUID }
        studyDescriptions.insert(study.studyDescription ?? "")
        for series in study.series {
          for node in series.stacks {
            let frames = try workspace.index.frames(ofStack: node.key)
            let usable = frames.filter { $0.sopInstanceUID != nil }
            guard !usable.isEmpty else { continue }
            stacks.append(
              StackInfo(
                id: node.key, description: Self.description(series: series, stack: node),
                studyDescription: study.studyDescription ?? "",
                size: ImageSize(columns: node.columns ?? 0, rows: node.rows ?? 0),
                frames: usable.map {
                  ImageReference(
                    studyInstanceUID: study.studyInstanceUID,
                    seriesInstanceUID: series.seriesInstanceUID,
                    sopInstanceUID: $0.sopInstanceUID ?? "", frame: $0.frameNumber)
                }))
            stacks[stacks.count - 1].burnedInRisk = usable.lazy.compactMap(\.burnedInRisk).first
            locations.append(usable.map { FrameLocation(path: $0.path, frame: $0.frameNumber) })
          }
        }
      }
    }
    let description = studyDescriptions.count == 1 ? studyDescriptions.first ?? "" : ""
    study = StudyInfo(studyInstanceUID: firstStudyUID, description: description, stacks: stacks)
    self.locations = locations
  }

  /// `CT 2 Head 5mm`, plus the stack's label when a series splits into several stacks.
  static func description(series: SeriesNode, stack: StackNode) -> String {
    var words: [String] = []
    if let modality = series.modality, !modality.isEmpty { words.append(modality) }
    if let number = series.seriesNumber { words.append(String(number)) }
    if let text = series.seriesDescription?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
      words.append(text)
    }
    if !stack.label.isEmpty { words.append("(\(stack.label))") }
    return words.isEmpty ? "series" : words.joined(separator: " ")
  }
}

/// One frame's pixels: a file and the 1-based frame number inside it.
public struct FrameLocation: Sendable, Hashable {
  public var path: String
  public var frame: Int

  public init(path: String, frame: Int) {
    self.path = path
    self.frame = frame
  }
}
