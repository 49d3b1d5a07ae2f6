extension InstanceSummary {
  /// Frame counts above this are treated as a corrupt Number of Frames, not allocated.
  public static let maximumFrameCount = 1_000_000

  /// Extracts the summary from a data set read with or without its pixel data.
  ///
  /// - Parameters:
  ///   - fileReference: the caller's handle for the file, kept as given.
  ///   - hasPixelData: whether the file has a Pixel Data element. Pass it when the header was
  ///     read with `stopBeforePixelData`; nil looks for the element in `dataSet`.
  public init(dataSet: DataSet, fileReference: String, hasPixelData: Bool? = nil) {
    let rows = dataSet.int(.rows)
    let columns = dataSet.int(.columns)
    let pixelsPresent =
      hasPixelData
      ?? [Tag.pixelData, .floatPixelData, .doubleFloatPixelData].contains(where: dataSet.contains)
    let declaredFrames = dataSet.int(.numberOfFrames) ?? 1
    let numberOfFrames = (1...Self.maximumFrameCount).contains(declaredFrames) ? declaredFrames : 1
    let groups = FunctionalGroups(dataSet: dataSet)
    let frames = groups.frameGeometries(numberOfFrames: numberOfFrames)
    let firstMeasures = groups.item(.pixelMeasuresSequence, frame: 0)

    self.init(
      fileReference: fileReference,
      sopClassUID: dataSet.string(.sopClassUID),
      sopInstanceUID: dataSet.string(.sopInstanceUID),
      studyInstanceUID: dataSet.string(.studyInstanceUID),
      seriesInstanceUID: dataSet.string(.seriesInstanceUID),
      patientID: dataSet.string(.patientID),
      patientName: dataSet.string(.patientName),
      modality: dataSet.string(.modality),
      seriesNumber: dataSet.int(.seriesNumber),
      seriesDescription: dataSet.string(.seriesDescription),
      instanceNumber: dataSet.int(.instanceNumber),
      rows: rows,
      columns: columns,
      samplesPerPixel: dataSet.int(.samplesPerPixel),
      photometricInterpretation: dataSet.string(.photometricInterpretation),
      numberOfFrames: numberOfFrames,
      imageOrientation: ImageOrientation(values: dataSet.doubles(.imageOrientationPatient))
        ?? frames.first?.orientation,
      imagePosition: PatientVector(values: dataSet.doubles(.imagePositionPatient))
        ?? frames.first?.position,
      pixelSpacing: nonEmpty(dataSet.doubles(.pixelSpacing))
        ?? firstMeasures?.doubles(.pixelSpacing) ?? [],
      sliceThickness: dataSet.double(.sliceThickness) ?? firstMeasures?.double(.sliceThickness),
      imageType: dataSet.strings(.imageType),
      acquisitionNumber: dataSet.int(.acquisitionNumber),
      echoNumbers: dataSet.ints(.echoNumbers),
      temporalPositionIdentifier: dataSet.int(.temporalPositionIdentifier),
      triggerTime: dataSet.double(.triggerTime),
      diffusionBValue: dataSet.double(.diffusionBValue),
      gantryDetectorTilt: dataSet.double(.gantryDetectorTilt),
      gridFrameOffsets: dataSet.doubles(.gridFrameOffsetVector).filter(\.isFinite),
      frames: frames,
      isImage: pixelsPresent && (rows ?? 0) > 0 && (columns ?? 0) > 0
    )
  }
}

private func nonEmpty(_ values: [Double]) -> [Double]? {
  values.isEmpty ? nil : values
}

/// The Shared and Per-frame Functional Groups of an Enhanced object (PS3.3 C.7.6.16).
struct FunctionalGroups {
  let shared: DataSet?
  let perFrame: [DataSet]

  init(dataSet: DataSet) {
    shared = dataSet.sequence(.sharedFunctionalGroupsSequence)?.first
    perFrame = dataSet.sequence(.perFrameFunctionalGroupsSequence) ?? []
  }

  var isPresent: Bool { shared != nil || !perFrame.isEmpty }

  /// The first item of a functional group macro for a frame: per-frame wins over shared.
  func item(_ macro: Tag, frame index: Int) -> DataSet? {
    if index < perFrame.count, let item = perFrame[index].sequence(macro)?.first {
      return item
    }
    return shared?.sequence(macro)?.first
  }

  /// One geometry per frame; frames beyond the per-frame items get only the shared values.
  func frameGeometries(numberOfFrames: Int) -> [FrameGeometry] {
    guard isPresent else { return [] }
    // A per-frame sequence shorter than Number of Frames is malformed; do not invent frames
    // from the shared group alone beyond what the file describes.
    let count = perFrame.isEmpty ? numberOfFrames : min(numberOfFrames, perFrame.count)
    return (0..<count).map(geometry(frame:))
  }

  private func geometry(frame index: Int) -> FrameGeometry {
    let position = item(.planePositionSequence, frame: index)?.doubles(.imagePositionPatient)
    let orientation = item(.planeOrientationSequence, frame: index)?.doubles(
      .imageOrientationPatient)
    let content = item(.frameContentSequence, frame: index)
    return FrameGeometry(
      position: position.flatMap(PatientVector.init(values:)),
      orientation: orientation.flatMap(ImageOrientation.init(values:)),
      stackID: content?.string(.stackID),
      inStackPositionNumber: content?.int(.inStackPositionNumber),
      temporalPositionIndex: content?.int(.temporalPositionIndex),
      dimensionIndexValues: content?.ints(.dimensionIndexValues) ?? []
    )
  }
}
