import Annotations
import Foundation
import TestSupport
import Testing

/// The issues for `toml`, or a test failure if it parsed.
private func issues(_ toml: String) -> [LabelSchemaIssue] {
  do {
    _ = try LabelSchema.parse(toml: toml)
    Issue.record("expected errors for:\n\(toml)")
    return []
  } catch {
    return error.issues
  }
}

/// Line and problem pairs, the part of an issue the tests pin down.
private func lineProblems(_ toml: String) -> [String] {
  issues(toml).map { "\($0.line) \($0.problem)" }
}

private let label = """
  [[label]]
  name = "a"
  color = "#112233"
  kinds = ["box"]

  """

@Test func syntaxErrorHasTOMLKitLine() {
  let found = issues("version = 1\n\n[[label]]\nname = \n")
  #expect(found.count == 1)
  #expect(found.first?.line == 4)
  guard case .syntax(_, let column)? = found.first?.problem else {
    Issue.record("not a syntax error: \(found)")
    return
  }
  #expect(column == 8)
}

@Test func unknownKeysAtEveryLevel() {
  let found = issues(
    """
    versoin = 1
    [[label]]
    name = "a"
    colour = "#112233"
    color = "#112233"
    kinds = ["box"]
    [[label.attribute]]
    name = "s"
    type = "text"
    requird = true
    [[question]]
    id = "q"
    prompt = "?"
    level = "study"
    choices = [{ name = "x", hotky = "x" }]
    """)
  #expect(found.map(\.line) == [1, 4, 10, 15])
  #expect(found.map(\.problem).allSatisfy { if case .unknownKey = $0 { true } else { false } })
  #expect(found[1].context == "label \"a\"")
  #expect(found[2].context == "label \"a\", attribute \"s\"")
  #expect(found[3].context == "question \"q\"")
  #expect("\(found[0])".contains("unknown key \"versoin\""))
}

@Test func duplicateLabelAndHotkeyNameBothLines() {
  let found = lineProblems(
    """
    [[label]]
    name = "bleed"
    color = "#112233"
    hotkey = "1"
    kinds = ["box"]

    [[label]]
    name = "Bleed"
    color = "#112233"
    hotkey = "1"
    kinds = ["box"]
    """)
  #expect(
    found == [
      "8 duplicate label \"Bleed\" (first defined on line 2)",
      "10 duplicate hotkey \"1\" (already used on line 4)",
    ])
}

@Test func badColorHotkeyKindsAndTypes() {
  let found = lineProblems(
    """
    version = 2
    [[label]]
    name = "a"
    color = "#12345"
    hotkey = "ab"
    kinds = ["box", "circle", "box"]
    [[label]]
    name = "b"
    color = 0x112233
    kinds = []
    [[label]]
    name = ""
    color = "#112233"
    kinds = "box"
    """)
  #expect(
    found == [
      "1 unsupported schema version 2 (this annotty reads version 1)",
      "4 color \"#12345\" is not of the form #rrggbb (six hex digits)",
      "5 hotkey \"ab\" must be exactly one visible character",
      "6 unknown kind \"circle\" (expected box, polygon or classification)",
      "6 kind \"box\" listed twice",
      "9 \"color\" must be a string, not integer",
      "10 \"kinds\" must list at least one of box, polygon, classification",
      "12 \"name\" must not be empty",
      "14 \"kinds\" must be an array of strings, not string",
    ])
}

@Test func elementLinesInMultilineArrays() {
  let found = lineProblems(
    """
    [[label]]
    name = "a"
    color = "#112233"
    kinds = [
      "box",
      "polygon",
      "ellipse",  # not a kind
    ]
    """)
  #expect(found == ["7 unknown kind \"ellipse\" (expected box, polygon or classification)"])
}

@Test func attributeProblems() {
  let found = lineProblems(
    label + """
      [[label.attribute]]
      name = "subtype"
      type = "choice"
      choices = []
      [[label.attribute]]
      name = "subtype"
      type = "text"
      [[label.attribute]]
      name = "size"
      type = "float"
      [[label.attribute]]
      name = "volume"
      type = "number"
      min = 10
      max = 1.5
      [[label.attribute]]
      name = "flag"
      type = "boolean"
      min = 0
      choices = ["x"]
      required = "yes"
      [[label.attribute]]
      type = "text"
      [[label.attribute]]
      name = "pick"
      type = "choice"
      choices = ["x", "y", "x", 3]
      [[label.attribute]]
      name = "nan"
      type = "number"
      max = nan
      """)
  #expect(
    found == [
      "8 \"choices\" must list at least one choice",
      "10 duplicate attribute \"subtype\" (first defined on line 6)",
      "14 unknown attribute type \"float\" (expected choice, boolean, number or text)",
      "18 min 10.0 is greater than max 1.5",
      "23 \"min\" applies only to type number, this attribute is boolean",
      "24 \"choices\" applies only to type choice, this attribute is boolean",
      "25 \"required\" must be true or false, not string",
      "26 missing required key \"name\"",
      "31 duplicate choice \"x\" (first listed on line 31)",
      "31 \"choices\" must be an array of strings, not an array containing an integer",
      "35 \"max\" must be a finite number",
    ])
}

@Test func questionProblems() {
  let found = lineProblems(
    label + """
      [[question]]
      id = "q"
      prompt = "?"
      level = "patient"
      answers = "some"
      choices = [
        { name = "x", hotkey = "k" },
        { name = "y", hotkey = "k" },
        "",
      ]
      [[question]]
      id = "q"
      prompt = 5
      level = "image"
      choices = "x"
      [[question]]
      id = "a"
      level = "image"
      choices = ["x"]
      """)
  #expect(
    found == [
      "8 unknown level \"patient\" (expected study, series or image)",
      "9 unknown answers \"some\" (expected single or multiple)",
      "12 duplicate hotkey \"k\" (already used on line 11)",
      "13 \"choices\" must not be empty",
      "16 duplicate question id \"q\" (first defined on line 6)",
      "17 \"prompt\" must be a string, not integer",
      "19 \"choices\" must be an array of strings or { name, hotkey } tables, not string",
      "20 missing required key \"prompt\"",
      "21 question id \"a\" is also a label name (line 2); annotations name either by the same field, so they must differ",
    ])
}

@Test func wrongShapesOfTopLevelEntries() {
  let found = lineProblems(
    """
    version = "1"
    [label]
    name = "a"
    [question]
    id = "b"
    """)
  #expect(
    found == [
      "1 \"version\" must be an integer, not string",
      "2 \"label\" must be an array of tables (write [[label]]), not table",
      "4 \"question\" must be an array of tables (write [[question]]), not table",
    ])
}

@Test func errorDescriptionNamesFileAndLine() {
  do {
    _ = try LabelSchema.parse(toml: "[[label]]\nname = \"a\"\n", fileName: "ws/labels.toml")
    Issue.record("expected errors")
  } catch {
    #expect(
      error.description == """
        ws/labels.toml:1: label "a": missing required key "color"
        ws/labels.toml:1: label "a": missing required key "kinds"
        """)
  }
}

/// toml++ 3 (inside TOMLKit) fails an assertion on these instead of reporting an error; the
/// schema reader must catch them first and report them like any syntax error.
@Test func parserHazardsAreSyntaxErrors() {
  let cases: [(String, Int, Int)] = [
    ("a = [}]", 1, 6), ("x = 1\na = [\n  1,\n  }\n]", 4, 3), ("[#", 1, 2), ("[[ ,a]]", 1, 4),
    ("\n[[\na]]", 2, 3), ("[=]", 1, 2), ("a = { b = [ } ] }", 1, 13), ("k = [[[}", 1, 8),
    ("k = 1979-05-27true:]", 1, 5), ("k = 1 2", 1, 5),
  ]
  for (text, line, column) in cases {
    let found = issues(text)
    #expect(found.count == 1, "\(text)")
    #expect(found.first?.line == line, "\(text)")
    guard case .syntax(_, let foundColumn)? = found.first?.problem else {
      Issue.record("not a syntax error: \(found)")
      continue
    }
    #expect(foundColumn == column, "\(text)")
  }
}

/// Token soup, including the shapes that crash toml++; a crash aborts the test process.
/// ANNOTTY_FUZZ_ITERATIONS and ANNOTTY_FUZZ_SEED run it longer or elsewhere.
@Test func garbageNeverCrashes() {
  let environment = ProcessInfo.processInfo.environment
  let iterations = environment["ANNOTTY_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 5000
  var generator = SeededGenerator(
    seed: environment["ANNOTTY_FUZZ_SEED"].flatMap { UInt64($0) } ?? 7)
  let pieces = [
    "[[label]]", "[[label.attribute]]", "[[question]]", "name = \"a\"", "color = \"#010203\"",
    "kinds = [\"box\"]", "type = \"choice\"", "choices = [", "\"x\",", "]", "{", "}",
    "hotkey = \"1\"", "\"\"\"", "\'\'\'", "min = 3", "max = -1", "id = \"q\"", "level = \"image\"",
    "#", "=", "\\", "[", "[[", "]]", ",", ".", "a", "1", "nan", "true", "\n", " ", "\t", "+",
    "1979-05-27", "07:32:00", "'l'", "T", "t", "Z", ":", "-", "e", "_", "0x1", "1.5", "inf",
  ]
  for _ in 0..<iterations {
    let count = Int.random(in: 0...14, using: &generator)
    var text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }
      .joined(separator: ["", " ", "\n"].randomElement(using: &generator)!)
    if Bool.random(using: &generator) { text = "k = " + text }
    do {
      _ = try LabelSchema.parse(toml: text)
    } catch {
      #expect(!error.issues.isEmpty)
      let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
      #expect(error.issues.allSatisfy { $0.line >= 1 && $0.line <= lineCount }, "\(text)")
    }
  }
}

@Test func unquotedValuesOfEveryTOMLTypeAreAccepted() throws {
  let text = """
    version = 1
    [extra]
    a = [true, false, inf, -inf, +nan, 0, -17, +1_000, 0xDEAD_beef, 0o755, 0b1101, 3.25, -1e-3]
    b = [6.626e-34, 1_000.000_1, 1979-05-27, 07:32:00, 07:32:00.999, 1979-05-27T07:32:00Z]
    c = [1979-05-27 07:32:00-08:00, 1979-05-27t07:32:00.5+01:30, 1979-05-27T00:32:00]
    """
  // Only the unknown table is reported: every value got past the preflight and TOMLKit.
  #expect(lineProblems(text).count == 1)
  #expect(lineProblems(text).first?.hasPrefix("2 unknown key \"extra\"") == true)
}
