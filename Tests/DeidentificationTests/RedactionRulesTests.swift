import DICOM
import Deidentification
import Testing

@Suite struct RedactionRulesTests {
  private func device(_ manufacturer: String, _ model: String, rows: Int, columns: Int) throws
    -> DataSet
  {
    var dataSet = TestData.patient()
    dataSet.set(.manufacturer, .LO, manufacturer)
    dataSet.set(Tag(0x0008_1090), .LO, model)
    dataSet.setUInt16(.rows, [UInt16(rows)])
    dataSet.setUInt16(.columns, [UInt16(columns)])
    return try TestData.roundTrip(dataSet)
  }

  @Test func textRulesMatchManufacturerModelAndSize() throws {
    let rules = try RedactionRules.parse(
      Array(
        """
        # manufacturer | model | size | rectangles
        acme | sono | 480x640 | 0,0,640,40; 0,440,100,40
        * | * | 600x800 | 1,2,3,4
        """.utf8))

    #expect(rules.rules.count == 2)
    let matching = try device("ACME Medical", "SonoView 9", rows: 480, columns: 640)
    #expect(
      rules.rectangles(for: matching) == [
        RedactionRectangle(x: 0, y: 0, width: 640, height: 40),
        RedactionRectangle(x: 0, y: 440, width: 100, height: 40),
      ])
    let otherSize = try device("ACME Medical", "SonoView 9", rows: 512, columns: 512)
    #expect(rules.rectangles(for: otherSize).isEmpty)
    let anyDevice = try device("Other", "Thing", rows: 600, columns: 800)
    #expect(
      rules.rectangles(for: anyDevice) == [RedactionRectangle(x: 1, y: 2, width: 3, height: 4)])
  }

  @Test func jsonRulesParse() throws {
    let rules = try RedactionRules.parse(
      Array(
        """
        {"rules": [{"manufacturer": "GE", "model": "LightSpeed", "rows": 512, "columns": 512,
          "rectangles": [{"x": 0, "y": 0, "width": 512, "height": 121}]}]}
        """.utf8))
    let dose = try device("GE MEDICAL SYSTEMS", "LightSpeed VCT", rows: 512, columns: 512)
    #expect(
      rules.rectangles(for: dose) == [RedactionRectangle(x: 0, y: 0, width: 512, height: 121)])
  }

  @Test func badRulesNameTheLineAndTheProblem() {
    for (text, fragment) in [
      ("acme | sono | 480x640", "line 1"),
      ("\nacme | sono | big | 0,0,1,1", "line 2: image size"),
      ("acme | sono | 4x4 | 0,0,1", "rectangle is four integers"),
      ("acme | sono | 4x4 | 0,0,0,1", "width or height"),
      ("{\"rules\": 3}", "not valid JSON"),
    ] {
      let error = #expect(throws: DeidentificationError.self) {
        try RedactionRules.parse(Array(text.utf8))
      }
      #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
    }
  }
}
