import DICOM

/// What a data set says about displaying one frame: Modality LUT, windows, VOI LUT, padding,
/// inversion, palette. Enhanced objects take per-frame functional groups before shared ones.
public struct DisplaySettings: Sendable {
  public var modality: ModalityLUT
  /// The window pairs the file offers, in order (the first is the default).
  public var windows: [Window]
  public var windowExplanations: [String]
  public var voiLUT: VOILUT?
  public var padding: PixelPadding?
  public var invert: Bool
  public var palette: PaletteColorLUT?

  /// Reads the settings for frame `frameIndex` (0-based).
  public init(dataSet: DataSet, pixels: ImagePixelDescription, frameIndex: Int) throws {
    let signed = pixels.isSigned
    let groups = Self.functionalGroups(dataSet, frameIndex: frameIndex)
    let rescaleSource =
      groups.first { $0.sequence(.pixelValueTransformationSequence)?.first != nil }?
      .sequence(.pixelValueTransformationSequence)?.first ?? dataSet
    let voiSource =
      groups.first { $0.sequence(.frameVOILUTSequence)?.first != nil }?
      .sequence(.frameVOILUTSequence)?.first ?? dataSet

    if let lutItem = dataSet.sequence(.modalityLUTSequence)?.first {
      modality = .table(try Self.lookupTable(lutItem, signed: signed))
    } else if rescaleSource.contains(.rescaleSlope) || rescaleSource.contains(.rescaleIntercept) {
      modality = .rescale(
        slope: rescaleSource.double(.rescaleSlope) ?? 1,
        intercept: rescaleSource.double(.rescaleIntercept) ?? 0)
    } else {
      modality = .identity
    }

    let function = try voiSource.string(.voiLUTFunction).map { try VOIFunction(dicomValue: $0) }
    let centers = voiSource.doubles(.windowCenter)
    let widths = voiSource.doubles(.windowWidth)
    windows = zip(centers, widths).compactMap {
      try? Window(center: $0, width: $1, function: function ?? .linear)
    }
    windowExplanations = voiSource.strings(.windowCenterWidthExplanation)
    voiLUT = try dataSet.sequence(.voiLUTSequence)?.first.map {
      VOILUT(table: try Self.lookupTable($0, signed: signed))
    }

    if let value = Self.storedValue(dataSet, .pixelPaddingValue, signed: signed) {
      padding = PixelPadding(
        value: value,
        rangeLimit: Self.storedValue(dataSet, .pixelPaddingRangeLimit, signed: signed))
    }
    invert = Renderer.inverts(
      photometricInterpretation: pixels.photometricInterpretation,
      presentationLUTShape: dataSet.string(.presentationLUTShape))
    if pixels.photometricInterpretation == "PALETTE COLOR" {
      palette = try Self.palette(dataSet)
    }
  }

  /// The renderer for a monochrome frame: the chosen VOI, else the file's first window, else its
  /// VOI LUT, else the auto window.
  public func renderer(voi choice: VOISelection? = nil) -> Renderer {
    let voi: VOISelection
    if let choice {
      voi = choice
    } else if let first = windows.first {
      voi = .window(first)
    } else if let voiLUT {
      voi = .lut(voiLUT)
    } else {
      voi = .auto
    }
    return Renderer(modality: modality, voi: voi, invert: invert, padding: padding)
  }

  // MARK: - Reading attributes

  static func functionalGroups(_ dataSet: DataSet, frameIndex: Int) -> [DataSet] {
    var groups: [DataSet] = []
    if let perFrame = dataSet.sequence(.perFrameFunctionalGroupsSequence),
      perFrame.indices.contains(frameIndex)
    {
      groups.append(perFrame[frameIndex])
    }
    if let shared = dataSet.sequence(.sharedFunctionalGroupsSequence)?.first {
      groups.append(shared)
    }
    return groups
  }

  private static func lookupTable(_ item: DataSet, signed: Bool) throws -> LookupTable {
    var values = item.ints(.lutDescriptor)
    // The first mapped value is SS when pixels are signed, whatever VR the file used.
    if signed, values.count == 3, values[1] > 32767 { values[1] -= 65536 }
    let descriptor = try LUTDescriptor(values)
    guard let data = item.uint16s(.lutData), !data.isEmpty else {
      throw ImagingError.emptyLUTData(what: "LUT Data (0028,3006)")
    }
    return try LookupTable(descriptor: descriptor, entries: data)
  }

  private static func storedValue(_ dataSet: DataSet, _ tag: Tag, signed: Bool) -> Int? {
    guard let value = dataSet.int(tag) else { return nil }
    if signed, dataSet[tag]?.vr == .US, value > 32767 { return value - 65536 }
    if !signed, dataSet[tag]?.vr == .SS, value < 0 { return value + 65536 }
    return value
  }

  private static func palette(_ dataSet: DataSet) throws -> PaletteColorLUT {
    func descriptor(_ tag: Tag) throws -> LUTDescriptor {
      try LUTDescriptor(dataSet.ints(tag))
    }
    let red = try descriptor(.redPaletteDescriptor)
    let green = try descriptor(.greenPaletteDescriptor)
    let blue = try descriptor(.bluePaletteDescriptor)
    if let redData = dataSet.uint16s(.redPaletteData),
      let greenData = dataSet.uint16s(.greenPaletteData),
      let blueData = dataSet.uint16s(.bluePaletteData)
    {
      return try PaletteColorLUT(
        red: red, redData: redData, green: green, greenData: greenData, blue: blue,
        blueData: blueData)
    }
    guard let redData = dataSet.uint16s(.segmentedRedPaletteData),
      let greenData = dataSet.uint16s(.segmentedGreenPaletteData),
      let blueData = dataSet.uint16s(.segmentedBluePaletteData)
    else {
      throw ImagingError.emptyLUTData(what: "Palette Color Lookup Table Data")
    }
    return try PaletteColorLUT(
      red: red, segmentedRedData: redData, green: green, segmentedGreenData: greenData,
      blue: blue, segmentedBlueData: blueData)
  }
}
