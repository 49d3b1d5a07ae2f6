import ArgumentParser
import Foundation
import SyncClient

/// `annotty login`: store a token for a server after checking it.
struct LoginCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "login",
    abstract: "Store a token for an annotty server (checked with the server first).",
    discussion: """
      The token comes from your admin (annotty-server user add / token issue prints it once).
      Give it with --token, or type or pipe it on standard input. It is stored in
      $XDG_CONFIG_HOME/annotty/credentials.json (default ~/.config/annotty/), readable only by you.
      """)

  @Argument(help: "The server address, such as http://127.0.0.1:8080.") var url: String
  @Option(help: "The token (default: read from standard input).") var token: String?

  func run() async throws {
    guard let base = URL(string: url), base.scheme == "http" || base.scheme == "https",
      base.host != nil
    else {
      throw InputError(path: url, message: "not a server address (use http://HOST:PORT)")
    }
    var secret = token
    if secret == nil {
      if isatty(STDIN_FILENO) == 1 { FileHandle.standardError.write(Data("token: ".utf8)) }
      secret = readLine(strippingNewline: true)
    }
    guard let secret = secret?.trimmingCharacters(in: .whitespacesAndNewlines), !secret.isEmpty
    else { throw InputError(path: url, message: "no token given") }
    let who: String
    do {
      let me = try await HTTPTransport(baseURL: base, token: secret, timeout: 15).whoami()
      who = "\(me.user) (\(me.role.rawValue)); the token expires \(me.tokenExpiresAt)"
    } catch let error as SyncError {
      throw InputError(path: url, message: "\(error)")
    }
    let path = Credentials.path(environment: ProcessInfo.processInfo.environment)
    var credentials = try Credentials.load(from: path)
    credentials.servers[url] = secret
    credentials.defaultServer = url
    try credentials.save(to: path)
    print("logged in to \(url) as \(who)")
  }
}
