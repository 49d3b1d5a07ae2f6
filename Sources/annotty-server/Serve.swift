import AnnottyServer
import ArgumentParser
import Foundation
import Hummingbird
import NIOCore

/// `serve`: binds, prints `listening on HOST:PORT`, runs until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Run the sync server.")
  @OptionGroup var data: DataOption
  @Option(help: "HOST:PORT to listen on (port 0 picks a free one).")
  var listen: String = "127.0.0.1:8080"
  @Option(name: .customLong("idle-timeout"), help: "Seconds a token may stay unused.")
  var idleTimeout: Double = TokenLifetime.defaultIdleTimeout

  func run() async throws {
    try await runReportingErrors {
      guard let colon = listen.lastIndex(of: ":"),
        let port = Int(listen[listen.index(after: colon)...]),
        (0...65535).contains(port)
      else { throw CommandFailure("--listen \(listen): expected HOST:PORT") }
      let host = String(listen[..<colon])
      let store = try data.openStore(idleTimeout: idleTimeout)
      let app = Application(
        router: SyncAPI(store: store).makeRouter(),
        server: .http1(configuration: .init(idleTimeout: .seconds(60))),
        configuration: .init(address: .hostname(host, port: port), serverName: "annotty-server"),
        onServerRunning: { channel in
          let bound = channel.localAddress?.port ?? port
          // Unbuffered: a parent process waits for this line on a pipe.
          FileHandle.standardOutput.write(Data("listening on \(host):\(bound)\n".utf8))
        })
      // runService installs SIGTERM/SIGINT handlers and drains in-flight requests before it
      // returns.
      try await app.runService()
      try store.close()
    }
  }

}
