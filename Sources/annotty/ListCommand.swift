import ArgumentParser
import Foundation
import Workspace

/// `annotty ls`: the patient / study / series tree of a workspace with counts and warnings.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ls", abstract: "List patients, studies and series with counts and warnings.")

  @OptionGroup var workspace: WorkspaceOption

  func run() throws {
    let opened = try workspace.openExisting()
    let tree: [PatientNode]
    do {
      tree = try opened.index.tree()
    } catch {
      throw InputError(path: workspace.path, message: "cannot read the index: \(error)")
    }
    if tree.isEmpty {
      print("the workspace is empty: add files with annotty import PATH -w \(workspace.path)")
      return
    }
    for patient in tree {
      print("\(patient.patientID)  \(patient.patientName ?? "")")
      for study in patient.studies {
        let date = study.studyDate ?? "no date"
        print("  study \(date)  \(study.studyDescription ?? "")  \(study.studyInstanceUID)")
        for series in study.series {
          let number = series.seriesNumber.map { "#\($0) " } ?? ""
          print(
            "    \(series.modality ?? "??") \(number)\(series.seriesDescription ?? "")  "
              + "\(series.instanceCount) files, \(series.frameCount) frames, "
              + "\(series.annotationCount) annotations")
          if series.burnedInRiskCount > 0 {
            print(
              "      warning: \(series.burnedInRiskCount) files may carry burned-in text; "
                + "de-identify with redaction rules before sharing")
          }
          for stack in series.stacks {
            let spacing = stack.sliceSpacing.map { String(format: ", %.2f mm apart", $0) } ?? ""
            let name = stack.label.isEmpty ? "stack" : "stack \(stack.label)"
            var size = ""
            if let columns = stack.columns, let rows = stack.rows {
              size = " of \(columns)x\(rows)"
            }
            print("      \(name): \(stack.frameCount) frames\(size)\(spacing)")
            for warning in stack.warnings { print("        warning: \(warning.message)") }
          }
        }
      }
    }
  }
}
