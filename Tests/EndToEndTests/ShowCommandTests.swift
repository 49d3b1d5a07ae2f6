import Foundation
import Testing

@Suite(.serialized) struct ShowCommandTests {
  /// The environment of a color terminal, whatever the test runner's is.
  private var colorEnvironment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment["NO_COLOR"] = nil
    return environment
  }

  @Test func blocksWithoutATerminalPrintTextLines() throws {
    let result = try CommandRunner.run(
      CommandRunner.annotty,
      ["show", CommandRunner.sampleSlice, "--protocol", "blocks", "--cols", "40"],
      environment: colorEnvironment)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: 0x0A)
    // A 256 x 256 slice with square pixels, 40 columns wide: 40 block columns, 20 cell rows.
    #expect(lines.count == 20)
    let reset = Array("\u{1B}[0m".utf8)
    let block = Array("▀".utf8)
    for line in lines {
      #expect(Array(line.suffix(reset.count)) == reset)
      #expect(line.count(where: { $0 == block[0] }) == 40)
    }
  }

  @Test func noColorGivesPlainText() throws {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let result = try CommandRunner.run(
      CommandRunner.annotty, ["show", CommandRunner.sampleSlice, "--cols", "30"],
      environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.text.contains("\u{1B}"))
    #expect(result.text.split(separator: "\n").count == 15)
  }

  @Test func forcedSixelIsWrappedInSaveAndRestore() throws {
    let result = try CommandRunner.run(
      CommandRunner.annotty,
      [
        "show", CommandRunner.sampleSlice, "--protocol", "sixel", "--cols", "20", "--preset",
        "brain",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let text = result.text
    // Reserve the rows, go back up, save, draw, restore, then down below the image.
    let reserved = text.prefix { $0 == "\n" }.count
    #expect(reserved > 0)
    #expect(text.dropFirst(reserved).hasPrefix("\u{1B}[\(reserved)A\r\u{1B}7\u{1B}P0;0;0q\"1;1;"))
    #expect(text.hasSuffix("\u{1B}\\\u{1B}8\u{1B}[\(reserved)B\r"))
  }

  @Test func badInputExitsTwoAndSaysWhichFile() throws {
    let missing = try CommandRunner.run(CommandRunner.annotty, ["show", "/nonexistent/x.dcm"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("/nonexistent/x.dcm: no such file"))
    let protocolName = try CommandRunner.run(
      CommandRunner.annotty, ["show", CommandRunner.sampleSlice, "--protocol", "png"])
    #expect(protocolName.status == 2)
  }

  @Test func renderWritesTheSixelFile() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "annotty-\(UUID().uuidString).six")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run(
      CommandRunner.annotty,
      [
        "render", CommandRunner.sampleSlice, "--preset", "brain", "--levels", "32", "--out",
        out.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let bytes = try Data(contentsOf: out)
    #expect(bytes.starts(with: Array("\u{1B}P0;0;0q\"1;1;256;256".utf8)))
    #expect(bytes.suffix(2) == Data([0x1B, 0x5C]))
  }
}
