import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP proxy on 127.0.0.1 that relays to the server and, at random, cuts connections in the
/// middle of a request or a response: the network faults the sync protocol must survive.
final class FaultProxy: @unchecked Sendable {
  let port: UInt16
  private let listener: Int32
  private let lock = NSLock()
  // Guarded by `lock`.
  private var upstreamPort: UInt16
  private var cutProbability: Double
  private var generator: SeededGenerator
  private var running = true
  private(set) var cuts = 0
  private(set) var connections = 0

  init(upstreamPort: UInt16, cutProbability: Double, seed: UInt64) throws {
    self.upstreamPort = upstreamPort
    self.cutProbability = cutProbability
    generator = SeededGenerator(seed: seed)
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var yes: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = Self.loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 64) == 0 else {
      close(descriptor)
      throw ProxyError(message: "cannot listen on 127.0.0.1 (errno \(errno))")
    }
    var actual = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &actual) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    listener = descriptor
    port = UInt16(bigEndian: actual.sin_port)
    Thread { [self] in acceptLoop() }.start()
  }

  /// Points the proxy at a restarted server.
  func setUpstream(port: UInt16) {
    lock.withLock { upstreamPort = port }
  }

  func setCutProbability(_ probability: Double) {
    lock.withLock { cutProbability = probability }
  }

  var statistics: (connections: Int, cuts: Int) { lock.withLock { (connections, cuts) } }

  func stop() {
    lock.withLock { running = false }
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func acceptLoop() {
    while lock.withLock({ running }) {
      let client = accept(listener, nil, nil)
      guard client >= 0 else {
        if errno == EINTR { continue }
        return
      }
      lock.withLock { connections += 1 }
      Thread { [self] in relay(client) }.start()
    }
  }

  /// Relays both ways chunk by chunk; before each chunk, maybe cuts both sides.
  private func relay(_ client: Int32) {
    let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = Self.loopback(port: lock.withLock { upstreamPort })
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    defer {
      close(client)
      close(upstream)
    }
    guard connected == 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 16_384)
    var descriptors = [
      pollfd(fd: client, events: Int16(POLLIN), revents: 0),
      pollfd(fd: upstream, events: Int16(POLLIN), revents: 0),
    ]
    while true {
      guard poll(&descriptors, 2, 30_000) > 0 else { return }
      for (index, descriptor) in descriptors.enumerated() where descriptor.revents != 0 {
        let count = read(descriptor.fd, &buffer, buffer.count)
        guard count > 0 else { return }
        if shouldCut() { return }
        let target = index == 0 ? upstream : client
        var offset = 0
        while offset < count {
          let written = buffer.withUnsafeBytes {
            write(target, $0.baseAddress! + offset, count - offset)
          }
          guard written > 0 else { return }
          offset += written
        }
      }
      for index in descriptors.indices { descriptors[index].revents = 0 }
    }
  }

  private func shouldCut() -> Bool {
    lock.withLock {
      guard cutProbability > 0, Double.random(in: 0..<1, using: &generator) < cutProbability else {
        return false
      }
      cuts += 1
      return true
    }
  }

  private static func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}

struct ProxyError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
