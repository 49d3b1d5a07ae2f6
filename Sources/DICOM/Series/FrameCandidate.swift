/// One frame of one instance with the geometry assembly sorts and splits it by.
struct FrameCandidate: Sendable {
  let instance: InstanceSummary
  /// 1-based, as DICOM numbers frames.
  let frameNumber: Int
  let position: PatientVector?
  let orientation: ImageOrientation?
  let stackID: String?
  let inStackPositionNumber: Int?
  let temporalPositionIndex: Int?

  /// Every frame of an instance, with per-frame geometry where the object gives it.
  static func frames(of instance: InstanceSummary) -> [FrameCandidate] {
    let count = max(1, instance.numberOfFrames)
    if count == 1 && !instance.hasPerFrameGeometry {
      return [
        FrameCandidate(
          instance: instance, frameNumber: 1, position: instance.imagePosition,
          orientation: instance.imageOrientation, stackID: nil, inStackPositionNumber: nil,
          temporalPositionIndex: nil)
      ]
    }
    let offsetPositions = gridOffsetPositions(of: instance, count: count)
    return (0..<count).map { index in
      let geometry = index < instance.frames.count ? instance.frames[index] : nil
      // Classic multi-frame objects give one position for the whole object; without per-frame
      // geometry or grid offsets a frame's own position is unknown.
      let position = geometry?.position ?? offsetPositions?[index]
      return FrameCandidate(
        instance: instance, frameNumber: index + 1, position: position,
        orientation: geometry?.orientation ?? instance.imageOrientation,
        stackID: geometry?.stackID, inStackPositionNumber: geometry?.inStackPositionNumber,
        temporalPositionIndex: geometry?.temporalPositionIndex)
    }
  }

  /// RT Dose frames sit at Image Position + offset × normal (PS3.3 C.8.8.3.2).
  private static func gridOffsetPositions(of instance: InstanceSummary, count: Int)
    -> [PatientVector]?
  {
    guard instance.gridFrameOffsets.count == count, let origin = instance.imagePosition,
      let orientation = instance.imageOrientation
    else { return nil }
    let normal = orientation.normal
    return instance.gridFrameOffsets.map { origin + $0 * normal }
  }

  /// Instance Number, then frame order: the fallback order and the tie-break.
  static func instanceOrder(_ lhs: FrameCandidate, _ rhs: FrameCandidate) -> Bool {
    let left = (
      lhs.instance.instanceNumber ?? Int.max, lhs.inStackPositionNumber ?? lhs.frameNumber,
      lhs.frameNumber
    )
    let right = (
      rhs.instance.instanceNumber ?? Int.max, rhs.inStackPositionNumber ?? rhs.frameNumber,
      rhs.frameNumber
    )
    if left != right { return left < right }
    return lhs.instance.fileReference < rhs.instance.fileReference
  }
}
