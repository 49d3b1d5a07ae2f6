import Foundation
import SyncProtocol

/// Shape checks on a pushed mutation, before policy and concurrency: a failure is
/// `rejected(invalid)` and counts as processed.
enum MutationValidation {
  static func isValid(_ mutation: PushMutation) -> Bool {
    guard (1...128).contains(mutation.annotationID.utf8.count),
      (1...128).contains(mutation.mutationID.utf8.count),
      SQLiteServerStore.validUID(mutation.scope.studyInstanceUID),
      mutation.scope.seriesInstanceUID.map(SQLiteServerStore.validUID) ?? true,
      mutation.scope.sopInstanceUID.map(SQLiteServerStore.validUID) ?? true,
      (mutation.scope.frame ?? 0) >= 0,
      mutation.body.utf8.count <= SyncLimits.maximumBodyBytes,
      mutation.clientTime.utf8.count <= 64
    else { return false }
    switch mutation.name {
    case .createAnnotation: guard mutation.baseRevision == 0 else { return false }
    case .updateAnnotation, .deleteAnnotation:
      guard mutation.baseRevision >= 1 else { return false }
    }
    return (try? JSONSerialization.jsonObject(with: Data(mutation.body.utf8))) != nil
  }

  /// Identifies the mutation's arguments, to tell a resend from a reused `mutation_id`.
  static func argumentsHash(_ mutation: PushMutation, project: String) -> String {
    CanonicalHash.of([
      project, mutation.mutationID, mutation.name.rawValue, mutation.annotationID,
      String(mutation.baseRevision), mutation.scope.studyInstanceUID,
      mutation.scope.seriesInstanceUID, mutation.scope.sopInstanceUID,
      mutation.scope.frame.map(String.init), mutation.body, mutation.clientTime,
    ])
  }
}
