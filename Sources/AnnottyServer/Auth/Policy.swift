import SyncProtocol

/// Something a principal wants to do, with the facts the decision needs.
public enum AccessRequest: Sendable, Hashable {
  case whoAmI
  case registerClient
  case listProjects
  /// Pull, list assignments, push: any assignment in the project (or admin) opens it.
  case enterProject
  /// One change or annotation, filtered for pulls.
  case readAnnotation(AnnotationScope)
  /// A pushed mutation; `current` is the stored annotation, if any.
  case mutate(MutationName, scope: AnnotationScope, current: StoredAnnotationFacts?)
  /// Users, tokens, projects, assignments, the audit log.
  case administer
}

/// What the policy needs to know about an annotation already on the server.
public struct StoredAnnotationFacts: Sendable, Hashable {
  public var scope: AnnotationScope
  public var author: String

  public init(scope: AnnotationScope, author: String) {
    self.scope = scope
    self.author = author
  }
}

/// The policy's answer. Requests that are denied answer 404; mutations come back `rejected(code)`.
public enum AccessDecision: Sendable, Hashable {
  case allow
  case deny(code: String)
}

/// The one function that decides every request and every pushed mutation. Deny by default.
public enum Policy {
  /// Decides `request` for `principal`, whose assignments in the project concerned are given.
  public static func decide(
    _ request: AccessRequest, principal: Principal, assignments: [Assignment]
  ) -> AccessDecision {
    let own = assignments.filter { $0.user == principal.user }
    switch (principal.role, request) {
    case (.admin, _):
      return .allow
    case (_, .whoAmI), (_, .registerClient), (_, .listProjects):
      return .allow
    case (_, .enterProject):
      return own.isEmpty ? .deny(code: "not_assigned") : .allow
    case (_, .readAnnotation(let scope)):
      return covers(own, scope) ? .allow : .deny(code: "not_assigned")
    case (.reviewer, .mutate):
      return .deny(code: "read_only")
    case (.annotator, .mutate(let name, let scope, let current)):
      guard covers(own, scope) else { return .deny(code: "not_assigned") }
      guard let current else { return .allow }
      guard covers(own, current.scope) else { return .deny(code: "not_assigned") }
      // A create over an existing id is answered with a conflict, which shows the record; the
      // scope check above is what keeps that from leaking.
      if name != .createAnnotation, current.author != principal.user {
        return .deny(code: "not_owner")
      }
      return .allow
    case (_, .administer):
      return .deny(code: "not_admin")
    }
  }

  /// True when one of `assignments` contains `scope`: the same study, and the same series unless
  /// the assignment is for the whole study.
  static func covers(_ assignments: [Assignment], _ scope: AnnotationScope) -> Bool {
    assignments.contains { assignment in
      guard assignment.studyInstanceUID == scope.studyInstanceUID else { return false }
      guard let series = assignment.seriesInstanceUID else { return true }
      return series == scope.seriesInstanceUID
    }
  }
}
