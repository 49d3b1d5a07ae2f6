import Testing

@testable import Imaging

struct WindowTests {
  struct Vector: Sendable, CustomTestStringConvertible {
    let function: VOIFunction
    let center: Double
    let width: Double
    let x: Double
    let y: Double
    var testDescription: String { "\(function.rawValue) c=\(center) w=\(width) x=\(x) -> \(y)" }
  }

  /// dicom.md 8.3, which agree with pydicom's apply_windowing for output 0...255.
  static let vectors: [Vector] = [
    Vector(function: .linear, center: 40, width: 400, x: -160, y: 0),
    Vector(function: .linear, center: 40, width: 400, x: -159.5, y: 0.3195),
    Vector(function: .linear, center: 40, width: 400, x: 0, y: 102.2556),
    Vector(function: .linear, center: 40, width: 400, x: 40, y: 127.8195),
    Vector(function: .linear, center: 40, width: 400, x: 239, y: 255),
    Vector(function: .linear, center: 100, width: 1, x: 99.5, y: 0),
    Vector(function: .linear, center: 100, width: 1, x: 100, y: 255),
    Vector(function: .linearExact, center: 40, width: 400, x: -159, y: 0.6375),
    Vector(function: .linearExact, center: 40, width: 400, x: 40, y: 127.5),
    Vector(function: .linearExact, center: 40, width: 400, x: 241, y: 255),
    Vector(function: .sigmoid, center: 40, width: 400, x: -160, y: 30.3967),
    Vector(function: .sigmoid, center: 40, width: 400, x: 40, y: 127.5),
    Vector(function: .sigmoid, center: 40, width: 400, x: 240, y: 224.6033),
  ]

  @Test("the PS3.3 C.11.2 formulas give the reference outputs", arguments: vectors)
  func referenceVector(_ vector: Vector) throws {
    let window = try Window(center: vector.center, width: vector.width, function: vector.function)
    #expect(abs(window.output(for: vector.x) - vector.y) < 1e-4)
  }

  @Test func linearNeedsWidthOfAtLeastOne() throws {
    #expect(throws: ImagingError.invalidWindow(center: 40, width: 0.5, function: .linear)) {
      try Window(center: 40, width: 0.5, function: .linear)
    }
    _ = try Window(center: 40, width: 1, function: .linear)
  }

  @Test(arguments: [VOIFunction.linearExact, .sigmoid])
  func otherFunctionsNeedPositiveWidth(_ function: VOIFunction) throws {
    #expect(throws: ImagingError.self) { try Window(center: 0, width: 0, function: function) }
    #expect(throws: ImagingError.self) { try Window(center: 0, width: -3, function: function) }
    let narrow = try Window(center: 0, width: 0.25, function: function)
    #expect(narrow.width == 0.25)
  }

  @Test func nonFiniteValuesAreRejected() {
    #expect(throws: ImagingError.self) { try Window(center: .nan, width: 400) }
    #expect(throws: ImagingError.self) { try Window(center: 40, width: .infinity) }
  }

  @Test func outputRangeFollowsTheCaller() throws {
    // pydicom uses the data range, e.g. -1024...3071 for 12-bit signed with no rescale.
    let window = try Window(center: 40, width: 400, function: .linearExact)
    #expect(window.output(for: 40, in: -1024...3071) == 1023.5)
    #expect(window.output(for: -500, in: -1024...3071) == -1024)
  }

  @Test func spanningMapsTheEndsOntoTheOutputEnds() throws {
    let window = try #require(Window.spanning(-1000...2000))
    #expect(window.center == 500.5)
    #expect(window.width == 3001)
    #expect(window.output(for: -1000) == 0)
    #expect(window.output(for: 2000) == 255)
    // A single value is a width-1 threshold just above it: a uniform frame renders black.
    let flat = try #require(Window.spanning(7...7))
    #expect(flat.output(for: 7) == 0)
    #expect(flat.output(for: 7.5) == 255)
  }

  @Test func voiFunctionReadsPaddedAndLowercaseValues() throws {
    #expect(try VOIFunction(dicomValue: "LINEAR_EXACT ") == .linearExact)
    #expect(try VOIFunction(dicomValue: "sigmoid") == .sigmoid)
    #expect(throws: ImagingError.unsupportedVOIFunction("CURVE")) {
      try VOIFunction(dicomValue: "CURVE")
    }
  }
}
