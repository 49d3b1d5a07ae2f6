import AnnottyServer
import ArgumentParser
import Foundation
import SyncProtocol

extension Role: ExpressibleByArgument {}

/// `user add NAME --role ROLE`: prints the new user's first token, once.
struct UserCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: "Manage users.", subcommands: [Add.self])

  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a user and print a token.")
    @Argument var name: String
    @Option(help: "annotator, reviewer or admin.") var role: Role
    @OptionGroup var data: DataOption
    @Option(help: "Token lifetime in seconds.") var lifetime: Double = TokenLifetime.defaultLifetime

    func run() async throws {
      try await runReportingErrors {
        let store = try data.openStore()
        let issued = try await store.createUser(
          CreateUserRequest(name: name, role: role), lifetime: lifetime, by: .commandLine())
        print(issued.token)
      }
    }
  }
}

/// `token issue NAME` / `token revoke TOKEN_ID`.
struct TokenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token", abstract: "Issue and revoke tokens.",
    subcommands: [Issue.self, Revoke.self])

  struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a new token for a user.")
    @Argument var name: String
    @OptionGroup var data: DataOption
    @Option(help: "Token lifetime in seconds.") var lifetime: Double = TokenLifetime.defaultLifetime

    func run() async throws {
      try await runReportingErrors {
        let issued = try await data.openStore().issueToken(
          IssueTokenRequest(user: name), lifetime: lifetime, by: .commandLine())
        print(issued.token)
        FileHandle.standardError.write(Data("token id \(issued.tokenID)\n".utf8))
      }
    }
  }

  struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke a token by its id.")
    @Argument(help: "The token id (t-...), never the token.") var tokenID: String
    @OptionGroup var data: DataOption

    func run() async throws {
      try await runReportingErrors {
        try await data.openStore().revokeToken(id: tokenID, by: .commandLine())
        print("revoked \(tokenID)")
      }
    }
  }
}

/// `project create NAME`.
struct ProjectCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "project", abstract: "Manage projects.", subcommands: [Create.self])

  struct Create: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a project.")
    @Argument var name: String
    @OptionGroup var data: DataOption

    func run() async throws {
      try await runReportingErrors {
        _ = try await data.openStore().createProject(Project(name: name), by: .commandLine())
        print("created project \(name)")
      }
    }
  }
}

/// `assign PROJECT USER STUDY_UID [--series UID]`.
struct Assign: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Assign a study (or one series of it) to a user.")
  @Argument var project: String
  @Argument var user: String
  @Argument var studyUID: String
  @Option(name: .customLong("series")) var seriesUID: String?
  @OptionGroup var data: DataOption

  func run() async throws {
    try await runReportingErrors {
      _ = try await data.openStore().addAssignment(
        Assignment(user: user, studyInstanceUID: studyUID, seriesInstanceUID: seriesUID),
        project: project, by: .commandLine())
      print("assigned")
    }
  }
}

/// `audit verify`: exit 0 when the chain is intact, 1 at the first broken row.
struct AuditCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: "Check the audit trail.", subcommands: [Verify.self])

  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Recompute the hash chain.")
    @OptionGroup var data: DataOption

    func run() async throws {
      var result: AuditChain.Verification?
      try await runReportingErrors { result = try await data.openStore().verifyAuditChain() }
      switch result {
      case .intact(let rows):
        print("\(rows) rows, chain intact")
      case .broken(let seq, let reason):
        print("audit row \(seq): \(reason)")
        throw ExitCode(1)
      case nil:
        throw ExitCode(2)
      }
    }
  }
}
