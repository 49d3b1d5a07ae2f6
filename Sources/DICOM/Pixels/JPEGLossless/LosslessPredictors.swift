/// One of the seven predictors of lossless JPEG (T.81 Table H.1), as a type so that each line
/// loop is compiled for its predictor instead of switching per sample.
protocol LosslessPredictor {
  /// The prediction Px from Ra (`left`) and the reconstructed line above: `above` points at
  /// Rb, so Rc is `above[-1]`. On the first line of an interval only LeftPredictor is used,
  /// which never reads through `above`.
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int
}

/// Selection value 1: Ra; also the rule for the first line of a scan or restart interval.
enum LeftPredictor: LosslessPredictor {
  @inline(__always)
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int { left }
}

/// Selection value 2: Rb.
enum AbovePredictor: LosslessPredictor {
  @inline(__always)
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int { Int(above[0]) }
}

/// Selection value 3: Rc.
enum AboveLeftPredictor: LosslessPredictor {
  @inline(__always)
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int { Int(above[-1]) }
}

/// Selection value 4: Ra + Rb - Rc.
enum PlanePredictor: LosslessPredictor {
  @inline(__always)
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int {
    left + Int(above[0]) - Int(above[-1])
  }
}

/// Selection value 5: Ra + ((Rb - Rc) >> 1).
enum LeftPlusHalfVerticalPredictor: LosslessPredictor {
  @inline(__always)
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int {
    left + ((Int(above[0]) - Int(above[-1])) >> 1)
  }
}

/// Selection value 6: Rb + ((Ra - Rc) >> 1).
enum AbovePlusHalfHorizontalPredictor: LosslessPredictor {
  @inline(__always)
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int {
    Int(above[0]) + ((left - Int(above[-1])) >> 1)
  }
}

/// Selection value 7: (Ra + Rb) / 2.
enum AveragePredictor: LosslessPredictor {
  @inline(__always)
  static func predict(left: Int, above: UnsafePointer<UInt16>) -> Int {
    (left + Int(above[0])) >> 1
  }
}
