import Testing

@testable import Imaging

struct WindowPresetTests {
  @Test func presetsAreWidthOverLevelInKeyOrder() {
    let expected: [(String, Double, Double)] = [
      ("brain", 80, 40), ("subdural", 200, 75), ("stroke", 40, 40), ("bone", 1800, 400),
      ("lung", 1500, -600), ("mediastinum", 350, 50), ("abdomen", 400, 50), ("liver", 150, 30),
      ("angio", 600, 170),
    ]
    #expect(WindowPreset.ct.count == 9)
    for (number, (name, width, level)) in zip(1..., expected) {
      let preset = WindowPreset.ct(number: number)
      #expect(preset?.name == name)
      #expect(preset?.width == width)
      #expect(preset?.level == level)
      #expect(preset?.window.center == level)
      #expect(preset?.window.width == width)
      #expect(preset?.window.function == .linear)
    }
  }

  @Test func lookupByNameIgnoresCase() {
    #expect(WindowPreset.ct(named: "LUNG")?.level == -600)
    #expect(WindowPreset.ct(named: " Bone ")?.width == 1800)
    #expect(WindowPreset.ct(named: "pelvis") == nil)
  }

  @Test func numbersOutsideOneToNineHaveNoPreset() {
    #expect(WindowPreset.ct(number: 0) == nil)
    #expect(WindowPreset.ct(number: 10) == nil)
    #expect(WindowPreset.ct(number: -1) == nil)
  }
}
