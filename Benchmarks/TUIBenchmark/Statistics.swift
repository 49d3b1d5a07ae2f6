import Foundation

/// Milliseconds since an arbitrary start, monotonic.
func milliseconds() -> Double {
  Double(DispatchTime.now().uptimeNanoseconds) / 1e6
}

/// The value at fraction `q` (0...1) of the sorted samples.
func quantile(_ samples: [Double], _ q: Double) -> Double {
  guard !samples.isEmpty else { return .nan }
  let sorted = samples.sorted()
  return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q + 0.5))]
}

func findExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").map { "\($0)/\(name)" }.first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}

/// Median wall time of running a command `runs` times, output discarded.
func processMilliseconds(_ executable: String, _ arguments: [String], runs: Int) -> Double {
  var samples: [Double] = []
  for _ in 0..<runs {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = milliseconds()
    do { try process.run() } catch { return .nan }
    process.waitUntilExit()
    samples.append(milliseconds() - start)
  }
  return quantile(samples, 0.5)
}

func format(_ value: Double, _ decimals: Int = 2) -> String {
  String(format: "%.\(decimals)f", value)
}
