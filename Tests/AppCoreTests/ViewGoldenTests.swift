import Annotations
import Foundation
import TUIKit
import Testing

@testable import AppCore

@Suite struct ViewGoldenTests {
  /// A session with one box and a classification on slice 3, lung window, box tool active.
  func annotatedSession() throws -> Session {
    var session = try Session.started()
    session.send(.syncChanged("2 to push"))
    session.commitAll(try session.press("jj w5 b <Enter> <S-Right><S-Down> <Enter> <Esc>"))
    session.commitAll(try session.press("4 p <Enter> <S-Left> <Enter> <S-Up> <Enter> <C-d> <Esc>"))
    session.commitAll(try session.press("ti 2 <Tab> b"))
    return session
  }

  func golden(_ name: String) -> String {
    let url = Fixtures.packageRoot.appendingPathComponent("Tests/AppCoreTests/Goldens/\(name)")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  /// Compares with a golden file; ANNOTTY_UPDATE_GOLDENS=1 rewrites it instead.
  func check(_ text: String, _ name: String) throws {
    if ProcessInfo.processInfo.environment["ANNOTTY_UPDATE_GOLDENS"] == "1" {
      let url = Fixtures.packageRoot.appendingPathComponent("Tests/AppCoreTests/Goldens/\(name)")
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    #expect(text == golden(name), "golden \(name) differs")
  }

  @Test func annotatedScreenAt80x24() throws {
    let session = try annotatedSession()
    let frame = AppView.view(
      session.state, theme: .fallback, size: ScreenSize(columns: 80, rows: 24))
    #expect(frame.viewport == Rect(column: 0, row: 0, width: 56, height: 22))
    #expect(frame.screen.skipRegions == [frame.viewport])
    #expect(frame.image?.frame == 2)
    #expect(frame.image?.window == WindowLevel(center: -600, width: 1500))
    #expect(frame.cursor == nil)
    try check(framed(frame.screen), "annotated-80x24.txt")
    try check(
      frame.screen.snapshotStyles(names: Theme.fallback.styleNames), "annotated-80x24.styles")
  }

  @Test func annotatedScreenAt160x48() throws {
    let session = try annotatedSession()
    let frame = AppView.view(
      session.state, theme: .fallback, size: ScreenSize(columns: 160, rows: 48))
    #expect(frame.viewport == Rect(column: 0, row: 0, width: 126, height: 46))
    try check(framed(frame.screen), "annotated-160x48.txt")
  }

  @Test func commandLineScreenPlacesTheCursor() throws {
    var session = try Session.started()
    try session.press(":wl<Space>40<Space>80 <Left>")
    let frame = AppView.view(
      session.state, theme: .fallback, size: ScreenSize(columns: 80, rows: 24))
    #expect(frame.cursor == CursorPosition(column: 8, row: 23))
    try check(framed(frame.screen), "command-80x24.txt")
  }

  @Test func attributeFormCoversThePanel() throws {
    var session = try Session.started()
    session.commitAll(try session.press("b <Enter> <S-Right> <Enter> <Esc>"))
    session.commitAll(try session.press("<Tab> a <Enter> <Down><Down> 12"))
    let frame = AppView.view(
      session.state, theme: .fallback, size: ScreenSize(columns: 80, rows: 24))
    #expect(frame.cursor == CursorPosition(column: 14, row: 23))
    try check(framed(frame.screen), "attributes-80x24.txt")
  }

  @Test func helpScreenListsTheBoxModeBindings() throws {
    var session = try Session.started()
    try session.press("b ?")
    let frame = AppView.view(
      session.state, theme: .fallback, size: ScreenSize(columns: 80, rows: 24))
    #expect(frame.image == nil)
    #expect(frame.screen.skipRegions.isEmpty)
    try check(framed(frame.screen), "help-box-80x24.txt")
  }

  @Test func statusLineNeverShowsPatientIdentifiers() throws {
    let session = try annotatedSession()
    let frame = AppView.view(
      session.state, theme: .fallback, size: ScreenSize(columns: 160, rows: 48))
    let text = frame.screen.snapshotText()
    #expect(text.contains("CT HEAD W/O CONTRAST · Axial 5mm"))
    #expect(text.contains("3/40 -90.0mm"))
  }

  @Test func tinyScreensDoNotCrash() throws {
    let session = try annotatedSession()
    for (columns, rows) in [(0, 0), (1, 1), (10, 3), (20, 5)] {
      let frame = AppView.view(
        session.state, theme: .fallback, size: ScreenSize(columns: columns, rows: rows))
      #expect(frame.screen.width == columns)
    }
  }
}
