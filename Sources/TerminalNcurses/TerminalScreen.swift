import CNcursesW
import CTermShims
import TUIKit

#if canImport(Glibc)
  import Glibc
#endif

/// The tty under ncurses: text frames painted from `ScreenBuffer` diffs, images written raw
/// beside them, and a terminal that is put back on stop, exit, termination and crash.
///
/// ncurses is process-global, so at most one screen should be started at a time.
public final class TerminalScreen {
  /// How to start: which terminal, and whether to take over signals.
  public struct Options: Sendable {
    /// terminfo name; nil uses `$TERM`.
    public var terminalType: String?
    /// Descriptors to use instead of opening `/dev/tty`.
    public var inputDescriptor: Int32?
    public var outputDescriptor: Int32?
    /// Install the crash, termination and SIGWINCH handlers.
    public var installsSignalHandlers: Bool
    /// SIGHUP/SIGTERM/SIGINT only set `pendingTerminationSignal` (the caller saves and stops);
    /// otherwise they restore the terminal and end the process at once.
    public var notifiesTermination: Bool

    public init(
      terminalType: String? = nil, inputDescriptor: Int32? = nil,
      outputDescriptor: Int32? = nil, installsSignalHandlers: Bool = true,
      notifiesTermination: Bool = false
    ) {
      self.terminalType = terminalType
      self.inputDescriptor = inputDescriptor
      self.outputDescriptor = outputDescriptor
      self.installsSignalHandlers = installsSignalHandlers
      self.notifiesTermination = notifiesTermination
    }
  }

  /// The descriptor annotty reads keys from (raw bytes for `TerminalInputParser`).
  public let inputDescriptor: Int32
  /// The descriptor ncurses and the image writes go to.
  public let outputDescriptor: Int32
  /// How many colors the terminal has, as ncurses reports them (0 without color).
  public var colorCount: Int { colorPairs.colorCount }

  let window: OpaquePointer
  var colorPairs: ColorPairTable
  private let screen: OpaquePointer
  let outputFile: UnsafeMutablePointer<FILE>
  private let inputFile: UnsafeMutablePointer<FILE>
  private let ownedDescriptor: Int32?
  private var savedModes: termios
  private let signalsInstalled: Bool
  private var isActive = true

  /// Starts ncurses on the terminal: UTF-8 locale, raw mode, no echo, keypad off (keys are parsed
  /// from the raw descriptor), hidden cursor, no scrolling or line insert/delete.
  public init(options: Options = Options()) throws {
    var owned: Int32?
    var input = options.inputDescriptor ?? -1
    var output = options.outputDescriptor ?? -1
    if options.inputDescriptor == nil || options.outputDescriptor == nil {
      let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
      guard tty >= 0 else {
        throw TerminalScreenError.cannotOpenTerminal(path: "/dev/tty", errno: errno)
      }
      owned = tty
      if options.inputDescriptor == nil { input = tty }
      if options.outputDescriptor == nil { output = tty }
    }
    var modes = termios()
    guard tcgetattr(output, &modes) == 0 else {
      if let owned { close(owned) }
      throw TerminalScreenError.notATerminal(descriptor: output)
    }
    setlocale(LC_ALL, "")
    let type = options.terminalType ?? String(cString: getenv("TERM") ?? strdup("dumb"))
    guard let outFile = fdopen(dup(output), "w"), let inFile = fdopen(dup(input), "r") else {
      if let owned { close(owned) }
      throw TerminalScreenError.notATerminal(descriptor: output)
    }
    guard let newScreen = newterm(type, outFile, inFile) else {
      fclose(outFile)
      fclose(inFile)
      if let owned { close(owned) }
      throw TerminalScreenError.cannotStartCurses(terminalType: type)
    }
    set_term(newScreen)
    screen = newScreen
    outputFile = outFile
    inputFile = inFile
    ownedDescriptor = owned
    inputDescriptor = input
    outputDescriptor = output
    savedModes = modes
    window = OpaquePointer(annotty_curses_stdscr())
    if has_colors() {
      start_color()
      use_default_colors()
    }
    colorPairs = ColorPairTable(
      colorCount: has_colors() ? Int(annotty_curses_colors()) : 0,
      pairCount: Int(annotty_curses_color_pairs()))
    signalsInstalled = options.installsSignalHandlers
    configureModes()
    let reset = TerminalResetSequence.bytes(capability: Self.terminfoString)
    let armed = reset.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { chars in
        annotty_restore_arm(output, chars.baseAddress, chars.count, &modes)
      }
    }
    if options.installsSignalHandlers {
      _ = annotty_signals_install(options.notifiesTermination ? 1 : 0)
    }
    if armed != 0 {
      stop()
      throw TerminalScreenError.resetSequenceTooLong(length: reset.count)
    }
  }

  deinit {
    stop()
  }

  /// The terminal's size in cells, from the kernel (current even before ncurses hears of a resize).
  public func size() -> (columns: Int, rows: Int) {
    var rows: Int32 = 0
    var columns: Int32 = 0
    if annotty_terminal_size(outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0 {
      return (Int(columns), Int(rows))
    }
    annotty_curses_max_yx(UnsafeMutableRawPointer(window), &rows, &columns)
    return (Int(columns), Int(rows))
  }

  /// Ends ncurses and puts the terminal back as it was before start; safe to call twice.
  public func stop() {
    guard isActive else { return }
    isActive = false
    endwin()
    var modesOff = Array(TerminalResetSequence.modesOff.utf8)
    writeFully(&modesOff)
    _ = tcsetattr(outputDescriptor, TCSANOW, &savedModes)
    annotty_restore_disarm()
    if signalsInstalled { annotty_signals_uninstall() }
    delscreen(screen)
    fclose(outputFile)
    fclose(inputFile)
    if let ownedDescriptor { close(ownedDescriptor) }
  }

  /// Whether SIGWINCH arrived since the last call (clears it): the caller then re-reads `size()`.
  public static func takeResize() -> Bool { annotty_take_resize() != 0 }

  /// The SIGHUP/SIGTERM/SIGINT that arrived in notify mode, or nil (clears it).
  public static func takePendingTermination() -> Int32? {
    let signal = annotty_take_termination()
    return signal == 0 ? nil : signal
  }

  /// A descriptor that becomes readable when a signal arrives, for the caller's poll();
  /// -1 without signal handlers. Drain it with `drainWakeDescriptor()`.
  public static var wakeDescriptor: Int32 { annotty_wake_fd() }

  /// Empties the wake descriptor after poll() reported it.
  public static func drainWakeDescriptor() { annotty_drain_wake() }

  /// Writes all of `bytes` to the output descriptor in as few write() calls as the kernel allows.
  func writeFully(_ bytes: inout [UInt8]) {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let result = write(outputDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if result < 0 && errno == EINTR { continue }
        if result <= 0 { return }
        offset += result
      }
    }
  }

  private func configureModes() {
    let window = UnsafeMutablePointer<WINDOW>(window)
    raw()
    noecho()
    nonl()
    // annotty reads the raw descriptor itself; ncurses must not hold back output for typeahead.
    typeahead(-1)
    keypad(window, false)
    curs_set(0)
    // No scroll regions and no insert/delete of lines or characters: they would move images.
    idlok(window, false)
    idcok(window, false)
    scrollok(window, false)
    leaveok(window, true)
  }

  private static func terminfoString(_ name: String) -> String? {
    guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { return nil }
    return String(cString: value)
  }
}
