import TerminalGraphics

let csi = "\u{1B}["
let st = "\u{1B}\\"

/// How recorded terminals (reference §2.1) answer each query annotty sends.
enum TerminalProfiles {
  static let statusReport = ["\(csi)5n": "\(csi)0n"]

  static let tunedXterm: [String: String] = statusReport.merging([
    "\(csi)c": "\(csi)?63;1;2;4;6;9;15;16;22;28c",
    "\(csi)>q": "\u{1B}P>|XTerm(379)\(st)",
    "\(csi)?1;1;0S": "\(csi)?1;0;256S",
    "\(csi)?2;4;0S": "\(csi)?2;0;4096;4096S",
    "\(csi)14t": "\(csi)4;765;960t",
    "\(csi)16t": "\(csi)6;17;8t",
    "\(csi)?1;3;256S": "\(csi)?1;0;256S",
  ]) { $1 }

  /// xterm with `decGraphicsID: vt340`: sixel, but only 16 registers until raised.
  static let xtermVT340With16Registers: [String: String] = statusReport.merging([
    "\(csi)c": "\(csi)?64;1;2;4;6;9;15;16;17;18;21;22;28c",
    "\(csi)?1;1;0S": "\(csi)?1;0;16S",
    "\(csi)?2;4;0S": "\(csi)?2;0;1000;1000S",
    "\(csi)?1;3;256S": "\(csi)?1;0;256S",
  ]) { $1 }

  static let tmux33a: [String: String] = statusReport.merging([
    "\(csi)c": "\(csi)?1;2c",
    "\(csi)>q": "\u{1B}P>|tmux 3.3a\(st)",
  ]) { $1 }

  static let kitty: [String: String] = statusReport.merging([
    "\(csi)c": "\(csi)?62;c",
    "\(csi)>q": "\u{1B}P>|kitty(0.31.0)\(st)",
    "\u{1B}_Ga=q,i=31,s=1,v=1,t=d,f=24;AAAA\(st)": "\u{1B}_Gi=31;OK\(st)",
    "\(csi)16t": "\(csi)6;20;10t",
  ]) { $1 }

  static let silent: [String: String] = [:]
}
