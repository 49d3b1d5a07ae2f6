// Applies seeded random annotation edits to a workspace forever (or --edits N) and prints one
// line per edit to stdout, written only after the edit's transaction committed. The crash test
// kills it with SIGKILL and checks the workspace against these lines.
//
// Usage: CrashEditor WORKSPACE SEED [--edits N]
// Lines: `ready <next_client_seq> <undo_depth> <redo_depth>` once the workspace is open, then
// per committed edit
// `edit <client_seq> <mutation_id> <op> <annotation_id> <revision> <deleted 0|1> <body_fnv>
// <undo_depth> <redo_depth>`.

import Annotations
import Workspace

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func writeLine(_ text: String) {
  // One write(2) per line: under PIPE_BUF bytes, so a kill never leaves half a line.
  var bytes = Array((text + "\n").utf8)
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeMutableBytes { buffer in
      write(1, buffer.baseAddress! + offset, buffer.count - offset)
    }
    if written < 0 {
      if errno == EINTR { continue }
      exit(3)
    }
    offset += written
  }
}

func fail(_ message: String) -> Never {
  let bytes = Array("CrashEditor: \(message)\n".utf8)
  _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, let seed = UInt64(arguments[2]) else {
  fail("usage: CrashEditor WORKSPACE SEED [--edits N]")
}
var editLimit = Int.max
if arguments.count >= 5, arguments[3] == "--edits", let limit = Int(arguments[4]) {
  editLimit = limit
}

do {
  let workspace = try Workspace(folderPath: arguments[1])
  let store = workspace.annotations
  var live: [String: Annotation] = [:]
  for annotation in try store.currentSet().annotations { live[annotation.id] = annotation }
  let depth = try store.historyDepth()
  var undoDepth = depth.undoCount
  var redoDepth = depth.redoCount
  writeLine(
    "ready \(try store.syncState().nextClientSeq) \(undoDepth) \(redoDepth)")

  var random = RandomEdits(seed: seed)
  var done = 0
  while done < editLimit {
    let operation = random.nextOperation(hasLive: !live.isEmpty)
    let committed: CommittedEdit?
    switch operation {
    case .add:
      committed = try store.apply(.add(random.newAnnotation(now: WorkspaceClock.now())))
    case .update:
      let before = random.pick(from: live)
      committed = try store.apply(
        .update(before: before, after: random.changed(before, now: WorkspaceClock.now())))
    case .delete:
      committed = try store.apply(.delete(random.pick(from: live)))
    case .undo:
      committed = try store.undo()
    case .redo:
      committed = try store.redo()
    }
    guard let committed else { continue }
    switch operation {
    case .add, .update, .delete:
      undoDepth += 1
      redoDepth = 0
    case .undo:
      undoDepth -= 1
      redoDepth += 1
    case .redo:
      undoDepth += 1
      redoDepth -= 1
    }
    let stored = committed.stored
    if stored.isDeleted {
      live[stored.annotation.id] = nil
    } else {
      live[stored.annotation.id] = stored.annotation
    }
    let body = try AnnotationJSON.line(stored.annotation)
    writeLine(
      "edit \(committed.mutation.clientSeq) \(committed.mutation.mutationID) \(operation) "
        + "\(stored.annotation.id) \(stored.annotation.revision) \(stored.isDeleted ? 1 : 0) "
        + "\(fnv1a(body)) \(undoDepth) \(redoDepth)")
    done += 1
  }
} catch {
  fail("\(error)")
}
