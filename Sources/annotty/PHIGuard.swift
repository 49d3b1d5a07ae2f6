import ArgumentParser
import Workspace

/// `--allow-phi`: what leaves the machine (exports, sync) must come from a de-identified
/// workspace unless the user says otherwise.
struct PHIGuard: ParsableArguments {
  @Flag(
    help:
      "Allow a workspace that was not imported with --deid (its exports or sync may carry PHI).")
  var allowPHI = false

  /// Refuses a workspace that may hold PHI unless `--allow-phi` was given.
  func check(_ workspace: Workspace, path: String, doing what: String) throws {
    guard !allowPHI, try workspace.settings.deidentificationMethod() == nil else { return }
    throw InputError(
      path: path,
      message:
        "this workspace was not imported with --deid, so its \(what) may carry patient data; "
        + "import de-identified copies (annotty import --deid) or pass --allow-phi")
  }
}
