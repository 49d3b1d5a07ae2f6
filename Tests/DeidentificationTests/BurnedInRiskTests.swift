import DICOM
import Deidentification
import Testing

@Suite struct BurnedInRiskTests {
  @Test func plainCTIsNotFlagged() throws {
    let risk = BurnedInRisk.assess(try TestData.roundTrip(TestData.patient()))
    #expect(!risk.isFlagged)
  }

  @Test func burnedInAnnotationYesUltrasoundAndSecondaryCaptureAreFlaggedWithReasons() throws {
    var annotated = TestData.patient()
    annotated.set(Tag(0x0028_0301), .CS, "YES")
    var ultrasound = TestData.patient()
    ultrasound.set(.modality, .CS, "US")
    var capture = TestData.patient()
    capture.set(.sopClassUID, .UI, "1.2.840.10008.5.1.4.1.1.7")

    for (dataSet, word) in [(annotated, "Burned In"), (ultrasound, "US"), (capture, "secondary")] {
      let risk = BurnedInRisk.assess(try TestData.roundTrip(dataSet))
      #expect(risk.isFlagged)
      #expect(risk.reasons.count == 1)
      #expect(risk.reasons.first?.contains(word) == true)
    }
  }
}
