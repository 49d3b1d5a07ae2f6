import TUIKit
import Testing

@testable import TerminalNcurses

#if canImport(Glibc)
  import Glibc
#endif

/// ncurses is process-global: these tests share one pty-backed screen at a time, in order.
@Suite(.serialized)
struct TerminalScreenTests {
  private func startScreen(_ pty: PseudoTerminal) throws -> TerminalScreen {
    try TerminalScreen(
      options: .init(
        terminalType: "xterm-256color", inputDescriptor: pty.slave, outputDescriptor: pty.slave,
        installsSignalHandlers: false))
  }

  @Test func presentsTextAndKeepsOutOfSkipRegions() throws {
    let pty = try PseudoTerminal(rows: 10, columns: 40)
    let screen = try startScreen(pty)
    defer { screen.stop() }
    var emulator = TinyTerminal(width: 40, height: 10)

    var first = ScreenBuffer(width: 40, height: 10)
    first.write("left side text", column: 0, row: 2)
    first.write("trailing words", column: 20, row: 3)
    first.write("a", column: 0, row: 4)
    first.write("b", column: 15, row: 4)
    first.write(
      "Ü wide 画像", column: 0, row: 9,
      style: Style(foreground: .rgb(red: 250, green: 20, blue: 20), bold: true))
    screen.present(first, previous: nil)
    emulator.feed(pty.readAll())
    #expect(emulator.line(2).hasPrefix("left side text"))
    #expect(emulator.line(3).contains("trailing words"))
    #expect(emulator.line(9).hasPrefix("Ü wide 画"))

    // An image appears at columns 5..<14 of rows 2...4 and right of column 30 on row 3; then
    // text changes on both sides of the narrow gap and the row ends lose their text, which
    // tempts ncurses to clear to end of line or to resend the unchanged cells between.
    var second = first
    second.addSkip(Rect(column: 5, row: 2, width: 9, height: 3))
    second.addSkip(Rect(column: 30, row: 3, width: 10, height: 1))
    screen.present(second, previous: first)
    _ = pty.readAll(timeout: 200)
    emulator.resetTouched()

    var third = second
    third.fill(Rect(column: 0, row: 2, width: 5, height: 1))
    third.fill(Rect(column: 14, row: 2, width: 26, height: 1))
    third.write("X", column: 4, row: 4)
    third.write("Y", column: 14, row: 4)
    third.fill(Rect(column: 14, row: 3, width: 16, height: 1))
    third.write("status", column: 0, row: 0)
    screen.present(third, previous: second)
    let bytes = pty.readAll()
    emulator.feed(bytes)
    #expect(emulator.line(0).hasPrefix("status"))
    #expect(emulator.line(4).hasPrefix("a   X"))
    #expect(Array(emulator.line(4))[14] == "Y")
    #expect(emulator.unsupported.isEmpty, "\(emulator.unsupported)")
    for region in third.skipRegions {
      for row in region.row..<region.maxRow {
        for column in region.column..<region.maxColumn {
          let touched = emulator.wasTouched(row: row, column: column)
          #expect(!touched, "wrote into skip cell \(column),\(row)")
        }
      }
    }
  }

  @Test func unchangedFrameSendsNoText() throws {
    let pty = try PseudoTerminal(rows: 6, columns: 20)
    let screen = try startScreen(pty)
    defer { screen.stop() }
    var buffer = ScreenBuffer(width: 20, height: 6)
    buffer.write("same", column: 2, row: 1)
    screen.present(buffer, previous: nil)
    _ = pty.readAll()
    screen.present(buffer, previous: buffer)
    let bytes = pty.readAll(timeout: 200)
    #expect(!String(decoding: bytes, as: UTF8.self).contains("same"))
  }

  @Test func colorsUseThePaletteForRGB() throws {
    let pty = try PseudoTerminal(rows: 6, columns: 20)
    let screen = try startScreen(pty)
    defer { screen.stop() }
    #expect(screen.colorCount == 256)
    var buffer = ScreenBuffer(width: 20, height: 6)
    buffer.write(
      "red", column: 0, row: 0, style: Style(foreground: .rgb(red: 255, green: 0, blue: 0)))
    screen.present(buffer, previous: nil)
    let text = String(decoding: pty.readAll(), as: UTF8.self)
    // #ff0000 is cube index 196; ncurses sends it as SGR 38;5;196.
    #expect(text.contains("38;5;196"))
  }

  @Test func writeGraphicSendsOneChunkAfterTheFrame() throws {
    let pty = try PseudoTerminal(rows: 10, columns: 40)
    let screen = try startScreen(pty)
    defer { screen.stop() }
    var buffer = ScreenBuffer(width: 40, height: 10)
    buffer.write("frame", column: 0, row: 0)
    buffer.addSkip(Rect(column: 10, row: 2, width: 8, height: 4))
    screen.present(buffer, previous: nil)
    _ = pty.readAll()
    let image = Array("\u{1B}Pq#0;2;0;0;0~~~~\u{1B}\\".utf8)
    screen.writeGraphic(image, atRow: 2, column: 10)
    let chunks = pty.readChunks()
    let expected = Array("\u{1B}7\u{1B}[3;11H".utf8) + image + Array("\u{1B}8".utf8)
    #expect(chunks.flatMap { $0 } == expected)
    #expect(chunks.count == 1)
  }

  @Test func sizeComesFromTheTerminal() throws {
    let pty = try PseudoTerminal(rows: 12, columns: 33)
    let screen = try startScreen(pty)
    defer { screen.stop() }
    #expect(screen.size() == (columns: 33, rows: 12))
  }

  @Test func stopRestoresModesAndCursor() throws {
    let pty = try PseudoTerminal(rows: 6, columns: 20)
    let before = pty.modes()
    let screen = try startScreen(pty)
    #expect(!sameModes(before, pty.modes()))
    screen.stop()
    #expect(sameModes(before, pty.modes()))
    let text = String(decoding: pty.readAll(), as: UTF8.self)
    #expect(text.contains("\u{1B}[?25h"))
    #expect(text.contains("\u{1B}[?1049l"))
  }

  @Test func updatePassesSeparateTheSidesOfAnImage() {
    var buffer = ScreenBuffer(width: 20, height: 2)
    buffer.addSkip(Rect(column: 5, row: 0, width: 3, height: 1))
    buffer.addSkip(Rect(column: 10, row: 0, width: 3, height: 1))
    let runs = [
      ScreenRun(row: 0, column: 0, cells: [.blank()]),
      ScreenRun(row: 0, column: 8, cells: [.blank()]),
      ScreenRun(row: 0, column: 15, cells: [.blank()]),
      ScreenRun(row: 1, column: 9, cells: [.blank()]),
    ]
    let passes = TerminalScreen.updatePasses(runs, in: buffer)
    #expect(passes.map { $0.map(\.column) } == [[0, 9], [8], [15]])
  }

  @Test func resetSequenceDropsPaddingAndFallsBack() {
    let bytes = TerminalResetSequence.bytes { name in name == "cnorm" ? "\u{1B}[?25h$<5>" : nil }
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\u{1B}[?25h"))
    #expect(!text.contains("$<"))
    #expect(text.hasSuffix("\u{1B}[?1049l"))
  }

  @Test func colorPairsAreSharedAndLimited() {
    var table = ColorPairTable(colorCount: 256, pairCount: 3)
    let red = Style(foreground: .indexed(1))
    #expect(table.pair(for: .plain).pair == 0)
    #expect(table.pair(for: red).new == .init(pair: 1, foreground: 1, background: -1))
    #expect(table.pair(for: red) == (1, nil))
    #expect(table.pair(for: Style(background: .indexed(4))).pair == 2)
    #expect(table.pair(for: Style(background: .indexed(5))).pair == 0)
    var mono = ColorPairTable(colorCount: 0, pairCount: 0)
    #expect(mono.pair(for: red).pair == 0)
  }
}
