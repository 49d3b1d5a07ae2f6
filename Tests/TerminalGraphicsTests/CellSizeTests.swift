import TerminalGraphics
import Testing

/// The cell-size rule of reference §3: TIOCGWINSZ if plausible, else 16t, else 14t / cells, else 10x20.
@Suite struct CellSizeTests {
  private func decide(_ replies: String, _ windowSize: WindowSize?) -> TerminalCapabilities {
    TerminalCapabilities(
      replies: parse(replies + sentinel), windowSize: windowSize, environment: [:])
  }

  private let tunedReports = "\(csi)4;765;960t\(csi)6;17;8t"

  @Test func windowSizePixelsAreFloorDividedIncludingXtermsBorder() {
    let caps = decide("", WindowSize(rows: 45, columns: 120, pixelWidth: 964, pixelHeight: 769))
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
    #expect(caps.cellSizeSource == .windowSizePixels)
  }

  @Test func zeroWindowPixelsFallBackToTheCellSizeReport() {
    let caps = decide(
      tunedReports, WindowSize(rows: 45, columns: 120, pixelWidth: 0, pixelHeight: 0))
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
    #expect(caps.cellSizeSource == .cellSizeReport)
  }

  @Test func implausibleWindowPixelsFallBackToTheCellSizeReport() {
    // 1 pixel per column is below timg's 2-per-column check.
    let caps = decide(
      tunedReports, WindowSize(rows: 45, columns: 120, pixelWidth: 120, pixelHeight: 769))
    #expect(caps.cellSizeSource == .cellSizeReport)
    let tooShort = decide(
      tunedReports, WindowSize(rows: 45, columns: 120, pixelWidth: 964, pixelHeight: 179))
    #expect(tooShort.cellSizeSource == .cellSizeReport)
  }

  @Test func absurdWindowPixelsAreRejected() {
    let caps = decide(
      tunedReports, WindowSize(rows: 45, columns: 120, pixelWidth: 30000, pixelHeight: 769))
    #expect(caps.cellSizeSource == .cellSizeReport)
  }

  @Test func textAreaReportDividedByCellsComesNext() {
    let caps = decide(
      "\(csi)4;765;960t", WindowSize(rows: 45, columns: 120, pixelWidth: 0, pixelHeight: 0))
    #expect(caps.cellSize == PixelSize(width: 8, height: 17))
    #expect(caps.cellSizeSource == .textAreaReport)
    #expect(caps.textAreaPixels == PixelSize(width: 960, height: 765))
  }

  @Test func implausibleCellReportIsSkipped() {
    let caps = decide(
      "\(csi)6;0;0t\(csi)4;765;960t",
      WindowSize(rows: 45, columns: 120, pixelWidth: 0, pixelHeight: 0))
    #expect(caps.cellSizeSource == .textAreaReport)
  }

  @Test func maximumSixelGeometryIsNotACellSizeSource() {
    // The max geometry is a terminal-wide limit (4096x4096 here), not the window size.
    let caps = decide(
      "\(csi)?2;0;4096;4096S", WindowSize(rows: 45, columns: 120, pixelWidth: 0, pixelHeight: 0))
    #expect(caps.cellSizeSource == .assumedDefault)
  }

  @Test func nothingUsableGivesTheDefault() {
    for windowSize in [nil, WindowSize(rows: 0, columns: 0, pixelWidth: 0, pixelHeight: 0)] {
      let caps = decide("\(csi)4;765;960t", windowSize)
      #expect(caps.cellSize == PixelSize(width: 10, height: 20))
      #expect(caps.cellSizeSource == .assumedDefault)
    }
  }

  @Test func sourcesHaveNamesForVerboseOutput() {
    #expect(CellSizeSource.allCases.map(\.rawValue).allSatisfy { !$0.isEmpty })
  }
}
