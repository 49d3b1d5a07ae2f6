import CTermShims

#if canImport(Glibc)
  import Glibc
#endif

/// A pseudo-terminal pair for tests: the program side (slave) and the terminal side (master).
final class PseudoTerminal {
  let master: Int32
  let slave: Int32

  init(rows: Int = 24, columns: Int = 80) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    guard annotty_open_pty(&master, &slave) == 0 else { throw PseudoTerminalError.cannotOpen }
    _ = annotty_set_terminal_size(master, Int32(rows), Int32(columns))
    self.master = master
    self.slave = slave
    let flags = fcntl(master, F_GETFL)
    _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
  }

  deinit {
    close(master)
    close(slave)
  }

  /// Every byte the program side wrote, waiting up to `timeout` ms for the first and then until
  /// the output has been quiet for 50 ms; the chunks are kept as read.
  func readChunks(timeout: Int32 = 1000) -> [[UInt8]] {
    var chunks: [[UInt8]] = []
    var wait = timeout
    while true {
      var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&request, 1, wait) > 0 else { break }
      var buffer = [UInt8](repeating: 0, count: 65536)
      let count = read(master, &buffer, buffer.count)
      guard count > 0 else { break }
      chunks.append(Array(buffer[0..<count]))
      wait = 50
    }
    return chunks
  }

  /// All output as one byte array.
  func readAll(timeout: Int32 = 1000) -> [UInt8] {
    readChunks(timeout: timeout).flatMap { $0 }
  }

  /// The slave's terminal modes.
  func modes() -> termios {
    var modes = termios()
    _ = tcgetattr(slave, &modes)
    return modes
  }
}

enum PseudoTerminalError: Error {
  case cannotOpen
}

/// The parts of termios a broken restore would leave changed.
func sameModes(_ a: termios, _ b: termios) -> Bool {
  a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag
    && a.c_lflag == b.c_lflag
}

extension Array where Element == UInt8 {
  /// Whether `needle` occurs as a contiguous subsequence.
  func contains(_ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
    return (0...(count - needle.count)).contains { start in
      self[start..<(start + needle.count)].elementsEqual(needle)
    }
  }
}
