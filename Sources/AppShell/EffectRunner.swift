import Annotations
import AppCore
import Workspace

/// Performs the reducer's effects against the workspace and the decoded frames, answering with
/// the actions that report their results. Redraw and quit are the session's business.
final class EffectRunner {
  let workspace: Workspace
  let frames: FrameStore
  /// Frames to decode when the user is idle, next one first.
  private(set) var prefetchQueue: [FrameKey] = []

  init(workspace: Workspace, frames: FrameStore) {
    self.workspace = workspace
    self.frames = frames
  }

  func perform(_ effect: Effect) -> [Action] {
    switch effect {
    case .decodeFrame(let stack, let frame):
      switch frames.frame(stack: stack, frame: frame) {
      case .success(let decoded):
        return [.frameDecoded(stack: stack, frame: frame, facts: decoded.facts)]
      case .failure(let error):
        return [.editFailed("cannot show \(error)")]
      }
    case .loadAnnotations(let image):
      return [loadAnnotations(image)]
    case .commit(let edit):
      do {
        return [.editCommitted(try workspace.annotations.apply(edit).edit)]
      } catch {
        return [.editFailed("not saved: \(error)")]
      }
    case .undo:
      return [historyStep(try workspace.annotations.undo(), nothing: "nothing to undo")]
    case .redo:
      return [historyStep(try workspace.annotations.redo(), nothing: "nothing to redo")]
    case .prefetch(let stack, let list):
      let keys = list.map { FrameKey(stack: stack, frame: $0) }
      prefetchQueue = keys + prefetchQueue.filter { !keys.contains($0) }
      return []
    case .sampleValue(let stack, let frame, let point):
      guard case .success(let decoded) = frames.frame(stack: stack, frame: frame) else {
        return [.valueSampled(stack: stack, frame: frame, point: point, value: nil)]
      }
      return [
        .valueSampled(
          stack: stack, frame: frame, point: point, value: decoded.value(x: point.x, y: point.y))
      ]
    case .resolveConflict(let annotationID, let choice):
      guard let choice = ConflictChoice(rawValue: choice) else { return [] }
      do {
        try workspace.sync.resolve(annotationID: annotationID, choice: choice)
      } catch {
        return [.editFailed("cannot settle the conflict: \(error)")]
      }
      let said: String
      switch choice {
      case .keepMine: said = "kept yours; it goes to the server with the next sync"
      case .takeTheirs: said = "took the server's version"
      case .keepBoth: said = "kept both: yours is a new annotation"
      }
      return [conflictsChanged(), .editFailed(said)]
    case .redraw, .quit, .syncNow:
      return []
    }
  }

  /// The open conflicts, as the screen lists them.
  func conflictsChanged() -> Action {
    let conflicts = (try? workspace.sync.conflicts()) ?? []
    return .conflictsChanged(
      conflicts.map { conflict in
        ConflictSummary(
          annotationID: conflict.annotationID,
          title: "\(conflict.mine.label) \(conflict.mine.kind.rawValue)",
          detail: "yours \(conflict.mineDescription), server \(conflict.theirsDescription)")
      })
  }

  /// Decodes one queued frame; false when there was nothing left to do.
  func prefetchOne() -> Bool {
    while let key = prefetchQueue.first {
      prefetchQueue.removeFirst()
      guard !frames.isCached(stack: key.stack, frame: key.frame) else { continue }
      _ = frames.frame(stack: key.stack, frame: key.frame)
      return true
    }
    return false
  }

  /// The annotations of the image, of its series and of its study.
  private func loadAnnotations(_ image: ImageReference) -> Action {
    do {
      return .annotationsLoaded(image, try workspace.annotations.annotations(about: image))
    } catch {
      return .editFailed("cannot read annotations: \(error)")
    }
  }

  private func historyStep(_ step: @autoclosure () throws -> CommittedEdit?, nothing: String)
    -> Action
  {
    do {
      guard let committed = try step() else { return .editFailed(nothing) }
      return .editCommitted(committed.edit)
    } catch {
      return .editFailed("not saved: \(error)")
    }
  }
}
