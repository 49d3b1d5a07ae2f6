import Annotations
import GRDB

extension DatabasePool {
  /// One write transaction; edit mismatches pass through, other errors become `WorkspaceError.database` naming the file.
  func workspaceWrite<Value>(_ updates: (Database) throws -> Value) throws -> Value {
    do {
      return try write(updates)
    } catch let error as WorkspaceError {
      throw error
    } catch let error as AnnotationEditError {
      throw error
    } catch {
      throw WorkspaceError.database(path: path, underlying: "\(error)")
    }
  }

  /// One read from a consistent snapshot, with errors mapped like `workspaceWrite`.
  func workspaceRead<Value>(_ value: (Database) throws -> Value) throws -> Value {
    do {
      return try read(value)
    } catch let error as WorkspaceError {
      throw error
    } catch {
      throw WorkspaceError.database(path: path, underlying: "\(error)")
    }
  }
}
