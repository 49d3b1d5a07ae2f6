import Foundation

/// annotty's per-user folder: `$XDG_CONFIG_HOME/annotty`, else `~/.config/annotty` (keymaps,
/// themes, credentials, the de-identification key).
public enum UserFolders {
  public static func configuration(environment: [String: String]) -> String {
    let base: String
    if let configured = environment["XDG_CONFIG_HOME"], configured.hasPrefix("/") {
      base = configured
    } else {
      base = ((environment["HOME"] ?? NSHomeDirectory()) as NSString)
        .appendingPathComponent(".config")
    }
    return (base as NSString).appendingPathComponent("annotty")
  }
}
