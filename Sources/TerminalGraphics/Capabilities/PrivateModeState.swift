/// The state of a DEC private mode as a DECRQM reply (`CSI ? Pd ; Ps $ y`) states it.
public enum PrivateModeState: Int, Sendable, Hashable {
  case notRecognized = 0
  case set = 1
  case reset = 2
  case permanentlySet = 3
  case permanentlyReset = 4
}
