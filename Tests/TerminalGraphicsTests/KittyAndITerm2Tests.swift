import Foundation
import Testing

@testable import TerminalGraphics

@Suite struct KittyAndITerm2Tests {
  /// The escapes of one kitty transmission: (control keys, payload) per APC.
  private func escapes(_ bytes: [UInt8]) -> [(String, String)] {
    let text = String(decoding: bytes, as: UTF8.self)
    return text.components(separatedBy: "\u{1B}\\").filter { !$0.isEmpty }.map { escape in
      #expect(escape.hasPrefix("\u{1B}_G"))
      let body = escape.dropFirst(3)
      let parts = body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
      return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }
  }

  @Test func largePayloadsAreChunkedAndReassemble() throws {
    let png = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let parts = escapes(KittyGraphics.display(png: png, imageID: 7, columns: 40, rows: 20))
    #expect(parts.count == 4)  // 13,336 base64 bytes in chunks of 4096
    #expect(parts[0].0 == "a=T,f=100,t=d,i=7,p=1,q=2,C=1,c=40,r=20,m=1")
    #expect(parts[1].0 == "m=1" && parts[2].0 == "m=1" && parts[3].0 == "m=0")
    #expect(parts.dropLast().allSatisfy { $0.1.utf8.count == 4096 })
    let joined = parts.map(\.1).joined()
    #expect(Data(base64Encoded: joined).map(Array.init) == png)
  }

  @Test func smallPayloadIsOneEscape() {
    let parts = escapes(KittyGraphics.display(png: [1, 2, 3], imageID: 1, columns: 1, rows: 1))
    #expect(parts.count == 1)
    #expect(parts[0].0.hasSuffix(",m=0") && parts[0].1 == "AQID")
  }

  @Test func deleteFreesTheImage() {
    #expect(
      String(decoding: KittyGraphics.delete(imageID: 9), as: UTF8.self)
        == "\u{1B}_Ga=d,d=I,i=9,q=2\u{1B}\\")
  }

  @Test func iterm2NamesSizeAndCells() {
    let text = String(
      decoding: ITerm2Image.display(png: [1, 2, 3], columns: 30, rows: 12), as: UTF8.self)
    #expect(
      text == "\u{1B}]1337;File=inline=1;size=3;width=30;height=12;preserveAspectRatio=0:AQID\u{07}"
    )
  }

  @Test func inlinePlacementReservesRowsAndReturnsBelow() {
    let text = String(
      decoding: InlinePlacement.wrap(graphic: Array("G".utf8), rows: 3), as: UTF8.self)
    #expect(text == "\n\n\n\u{1B}[3A\r\u{1B}7G\u{1B}8\u{1B}[3B\r")
  }
}
