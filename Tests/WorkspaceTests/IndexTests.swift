import Annotations
import DICOM
import Foundation
import GRDB
import Testing
import Workspace

@Suite struct IndexTests {
  /// A 5-slice axial CT with slice 4 missing (a gap), plus an SR that is not an image.
  static func ctInstances() -> [IndexedInstance] {
    let axial = ImageOrientation(row: PatientVector(1, 0, 0), column: PatientVector(0, 1, 0))
    var instances = [1, 2, 3, 5, 6].map { slice -> IndexedInstance in
      let path = "/data/ct/\(slice).dcm"
      let summary = InstanceSummary(
        fileReference: path, sopClassUID: "1.2.840.10008.5.1.4.1.1.2",
        sopInstanceUID: "2.25.7.1.\(slice)", studyInstanceUID: "2.25.7",
        seriesInstanceUID: "2.25.7.1", patientID: "SYN-001", patientName: "Synthetic^One",
        modality: "CT", seriesNumber: 2, seriesDescription: "Head", instanceNumber: slice,
        rows: 4, columns: 4, imageOrientation: axial,
        imagePosition: PatientVector(0, 0, Double(slice) * 2.5), pixelSpacing: [0.5, 0.5])
      return IndexedInstance(
        file: FileFingerprint(
          path: path, size: 1000 + Int64(slice), modificationTimeNanoseconds: 1_700_000_000_000,
          sha256: String(repeating: "\(slice)", count: 64)),
        summary: summary, studyDate: "20260301", studyDescription: "CT head")
    }
    let report = InstanceSummary(
      fileReference: "/data/ct/sr.dcm", sopClassUID: "1.2.840.10008.5.1.4.1.1.88.11",
      sopInstanceUID: "2.25.7.9.1", studyInstanceUID: "2.25.7", seriesInstanceUID: "2.25.7.9",
      patientID: "SYN-001", modality: "SR", seriesNumber: 90, isImage: false)
    instances.append(
      IndexedInstance(
        file: FileFingerprint(
          path: "/data/ct/sr.dcm", size: 300, modificationTimeNanoseconds: 5,
          sha256: String(repeating: "a", count: 64)),
        summary: report))
    return instances
  }

  @Test func upsertIsIdempotentAndDetectsChangedFiles() throws {
    let folder = TemporaryFolder("index")
    defer { folder.remove() }
    let workspace = try Workspace(folderPath: folder.path)
    let instances = Self.ctInstances()

    let first = try workspace.index.upsert(instances: instances)
    #expect(first.inserted == 6 && first.updated == 0 && first.unchanged == 0)
    let second = try workspace.index.upsert(instances: instances)
    #expect(second.inserted == 0 && second.updated == 0 && second.unchanged == 6)
    #expect(try workspace.index.instanceCount() == 6)
    let counts = try workspace.database.read { db in
      try ["patient", "study", "series", "frame"].map {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
      }
    }
    #expect(counts == [1, 1, 2, 6])

    let stored = try #require(try workspace.index.instance(atPath: "/data/ct/3.dcm"))
    #expect(stored.file == instances[2].file)
    #expect(stored.sopInstanceUID == "2.25.7.1.3")
    #expect(stored.seriesInstanceUID == "2.25.7.1")
    #expect(stored.rows == 4 && stored.numberOfFrames == 1 && stored.isImage)
    #expect(stored.file.matches(size: 1003, modificationTimeNanoseconds: 1_700_000_000_000))
    #expect(!stored.file.matches(size: 1003, modificationTimeNanoseconds: 1_700_000_000_001))
    #expect(try workspace.index.instance(atPath: "/data/ct/missing.dcm") == nil)

    var changed = instances[2]
    changed.file.sha256 = String(repeating: "f", count: 64)
    changed.summary.numberOfFrames = 3
    let third = try workspace.index.upsert(instances: [changed])
    #expect(third.updated == 1)
    let frames = try workspace.database.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM frame f JOIN instance i ON i.id = f.instance_ref
          WHERE i.path = '/data/ct/3.dcm'
          """)
    }
    #expect(frames == 3)
  }

  @Test func stacksAndTheTreeCarryCountsAndWarnings() throws {
    let folder = TemporaryFolder("tree")
    defer { folder.remove() }
    let workspace = try Workspace(folderPath: folder.path)
    let instances = Self.ctInstances()
    try workspace.index.upsert(instances: instances)
    let stacks = SeriesAssembler.assemble(instances.map(\.summary))
    #expect(stacks.count == 1)
    #expect(try workspace.index.replaceStacks(stacks) == 0)
    // Replacing again leaves one copy, not two.
    #expect(try workspace.index.replaceStacks(stacks) == 0)

    try workspace.annotations.apply(
      .add(Samples.box(target: Samples.image("2.25.7.1.2").withSeries("2.25.7", "2.25.7.1"))))

    let tree = try workspace.index.tree()
    #expect(tree.count == 1)
    let patient = try #require(tree.first)
    #expect(patient.patientID == "SYN-001" && patient.patientName == "Synthetic^One")
    let study = try #require(patient.studies.first)
    #expect(study.studyDate == "20260301" && study.studyDescription == "CT head")
    #expect(study.series.map(\.seriesInstanceUID) == ["2.25.7.1", "2.25.7.9"])
    let ct = study.series[0]
    #expect(ct.modality == "CT" && ct.seriesNumber == 2)
    #expect(ct.instanceCount == 5 && ct.frameCount == 5 && ct.annotationCount == 1)
    #expect(ct.stacks.count == 1 && ct.stacks[0].frameCount == 5)
    #expect(ct.stacks[0].sliceSpacing == 2.5)
    #expect(ct.warnings.map(\.kind) == ["missingSlices"])
    #expect(ct.warnings.first?.message.contains("Missing images?") == true)
    let report = study.series[1]
    #expect(report.instanceCount == 1 && report.stacks.isEmpty && report.annotationCount == 0)

    let order = try workspace.index.frames(ofStack: stacks[0].id)
    #expect(order.map(\.path) == [1, 2, 3, 5, 6].map { "/data/ct/\($0).dcm" })
    #expect(order.map(\.positionIndex) == [1, 2, 3, 4, 5])

    // A re-assembly with fewer frames leaves the dropped ones in no stack and at no position.
    var shorter = stacks[0]
    shorter.frames.removeLast(2)
    try workspace.index.replaceStacks([shorter])
    #expect(try workspace.index.frames(ofStack: shorter.id).count == 3)
    let unplaced = try workspace.database.read { db in
      try Int.fetchOne(
        db,
        sql: "SELECT COUNT(*) FROM frame WHERE stack_ref IS NULL AND position_index IS NULL")
    }
    #expect(unplaced == 3)  // two dropped CT frames and the SR's frame
  }

  @Test func stackFramesThatAreNotIndexedAreCountedNotFatal() throws {
    let folder = TemporaryFolder("unmatched")
    defer { folder.remove() }
    let workspace = try Workspace(folderPath: folder.path)
    let instances = Self.ctInstances()
    try workspace.index.upsert(instances: Array(instances.prefix(3)))
    let stacks = SeriesAssembler.assemble(instances.map(\.summary))
    #expect(try workspace.index.replaceStacks(stacks) == 2)
  }

  @Test func anInstanceWithoutAPathIsRejectedWithItsReason() throws {
    let folder = TemporaryFolder("badpath")
    defer { folder.remove() }
    let workspace = try Workspace(folderPath: folder.path)
    var bad = Self.ctInstances()[0]
    bad.file.path = ""
    #expect(throws: WorkspaceError.invalidInstance(path: "", reason: "the path is empty")) {
      try workspace.index.upsert(instances: [Self.ctInstances()[1], bad])
    }
    // The transaction rolled back: the good instance is not there either.
    #expect(try workspace.index.instanceCount() == 0)
  }
}

extension AnnotationTarget {
  fileprivate func withSeries(_ study: String, _ series: String) -> AnnotationTarget {
    guard let image else { return self }
    return .image(
      ImageReference(
        studyInstanceUID: study, seriesInstanceUID: series, sopInstanceUID: image.sopInstanceUID,
        frame: image.frame))
  }
}
