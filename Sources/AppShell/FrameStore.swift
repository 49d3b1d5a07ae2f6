import DICOM

/// Decoded frames by stack and frame, recent ones kept within a memory budget, and the last
/// few parsed files so the frames of a multi-frame object share one parse.
final class FrameStore {
  let locations: [[FrameLocation]]
  private var frames: [FrameKey: Result<DecodedFrame, FrameError>] = [:]
  /// Most recently used last.
  private var order: [FrameKey] = []
  private var bytesHeld = 0
  private var files: [(path: String, parsed: ParsedDICOM)] = []

  /// Decoded samples kept, in bytes.
  static let budget = 384 << 20
  static let parsedFilesKept = 4

  init(locations: [[FrameLocation]]) {
    self.locations = locations
  }

  /// Whether `frame` of `stack` is decoded already (or known to fail).
  func isCached(stack: Int, frame: Int) -> Bool {
    frames[FrameKey(stack: stack, frame: frame)] != nil
  }

  /// The frame, decoded now unless cached.
  func frame(stack: Int, frame: Int) -> Result<DecodedFrame, FrameError> {
    let key = FrameKey(stack: stack, frame: frame)
    if let cached = frames[key] {
      order.removeAll { $0 == key }
      order.append(key)
      return cached
    }
    guard locations.indices.contains(stack), locations[stack].indices.contains(frame) else {
      return .failure(FrameError(path: "", message: "no frame \(frame + 1) in stack \(stack + 1)"))
    }
    let location = locations[stack][frame]
    let result: Result<DecodedFrame, FrameError>
    do {
      result = .success(
        FrameDecoder.isTIFF(location.path)
          ? try FrameDecoder.decodeTIFF(location)
          : try FrameDecoder.decode(location, parsed: try parsedFile(location)))
    } catch let error as FrameError {
      result = .failure(error)
    } catch {
      result = .failure(FrameError(path: location.path, message: "\(error)"))
    }
    store(result, key: key)
    return result
  }

  private func parsedFile(_ location: FrameLocation) throws -> ParsedDICOM {
    if let index = files.firstIndex(where: { $0.path == location.path }) {
      let entry = files.remove(at: index)
      files.append(entry)
      return entry.parsed
    }
    let parsed = ParsedDICOM(try FrameDecoder.readDICOM(location.path), path: location.path)
    files.append((location.path, parsed))
    if files.count > Self.parsedFilesKept { files.removeFirst() }
    return parsed
  }

  private func store(_ result: Result<DecodedFrame, FrameError>, key: FrameKey) {
    frames[key] = result
    order.append(key)
    bytesHeld += Self.size(of: result)
    while bytesHeld > Self.budget, order.count > 1 {
      let oldest = order.removeFirst()
      if let evicted = frames.removeValue(forKey: oldest) { bytesHeld -= Self.size(of: evicted) }
    }
  }

  private static func size(of result: Result<DecodedFrame, FrameError>) -> Int {
    guard case .success(let frame) = result else { return 0 }
    return frame.pixels.pixelCount * frame.pixels.samplesPerPixel
      * frame.pixels.samples.bytesPerSample
      + (frame.color?.pixels.count ?? 0)
  }
}

struct FrameKey: Hashable {
  var stack: Int
  var frame: Int
}
