import TUIKit
import Testing

@Suite struct ColorDepthTests {
  @Test func rgbDownTo256PicksTheCubeOrTheGrayRamp() {
    #expect(TerminalColor.rgb(red: 255, green: 0, blue: 0).reduced(to: .colors256) == .indexed(196))
    #expect(
      TerminalColor.rgb(red: 0x5F, green: 0xAF, blue: 0xFF).reduced(to: .colors256) == .indexed(75))
    #expect(
      TerminalColor.rgb(red: 0x30, green: 0x30, blue: 0x30).reduced(to: .colors256) == .indexed(236)
    )
    #expect(TerminalColor.rgb(red: 0, green: 0, blue: 0).reduced(to: .colors256) == .indexed(16))
    #expect(
      TerminalColor.rgb(red: 255, green: 255, blue: 255).reduced(to: .colors256) == .indexed(231))
  }

  @Test func downTo16And8Colors() {
    #expect(TerminalColor.rgb(red: 250, green: 10, blue: 10).reduced(to: .colors16) == .indexed(9))
    #expect(TerminalColor.rgb(red: 250, green: 10, blue: 10).reduced(to: .colors8) == .indexed(1))
    #expect(TerminalColor.indexed(196).reduced(to: .colors16) == .indexed(9))
    #expect(TerminalColor.indexed(12).reduced(to: .colors16) == .indexed(12))
    #expect(TerminalColor.indexed(12).reduced(to: .colors8) == .indexed(4))
    // Gray text stays readable on 8 colors: bright-black becomes white, not black.
    #expect(TerminalColor.indexed(8).reduced(to: .colors8) == .indexed(7))
    #expect(TerminalColor.rgb(red: 20, green: 20, blue: 30).reduced(to: .colors8) == .indexed(0))
    #expect(TerminalColor.rgb(red: 88, green: 88, blue: 88).reduced(to: .colors8) == .indexed(7))
  }

  @Test func defaultAndTrueColorAreKept() {
    let rgb = TerminalColor.rgb(red: 1, green: 2, blue: 3)
    #expect(rgb.reduced(to: .trueColor) == rgb)
    for depth in ColorDepth.allCases {
      #expect(TerminalColor.default.reduced(to: depth) == .default)
    }
  }

  @Test func themeReducedTo8ColorsUsesOnlyTheFirst8() throws {
    let style = Style(
      foreground: .rgb(red: 0xFF, green: 0xD7, blue: 0x5F), background: .indexed(236), bold: true)
    let reduced = style.reduced(to: .colors8)
    #expect(reduced.bold)
    #expect(reduced.foreground == .indexed(3))
    #expect(reduced.background == .indexed(0))
    let theme = Theme.fallback.reduced(to: .colors8)
    for role in ThemeRole.allCases {
      for color in [theme[role].foreground, theme[role].background] {
        if case .indexed(let index) = color { #expect(index < 8) }
      }
    }
  }

  @Test func depthFromTerminalReport() {
    #expect(ColorDepth(colorCount: 256) == .colors256)
    #expect(ColorDepth(colorCount: 8) == .colors8)
    #expect(ColorDepth(colorCount: 16) == .colors16)
    #expect(ColorDepth(colorCount: 256, trueColor: true) == .trueColor)
  }
}
