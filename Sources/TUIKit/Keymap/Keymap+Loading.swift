extension Keymap {
  /// Reads and validates a keymap file, first loading the keymap it `extends` through `parent`
  /// (which returns nil for an unknown name); throws every problem found, each with file and line.
  public static func load(
    _ source: KeymapSource, catalog: CommandCatalog,
    parent: (String) -> KeymapSource? = { _ in nil }
  ) throws(KeymapError) -> Keymap {
    try load(source, catalog: catalog, parent: parent, chain: [])
  }

  private static func load(
    _ source: KeymapSource, catalog: CommandCatalog, parent: (String) -> KeymapSource?,
    chain: [String]
  ) throws(KeymapError) -> Keymap {
    let contents = KeymapFileReader(fileName: source.fileName, catalog: catalog).read(source.text)
    var issues = contents.issues
    var base = Keymap(name: source.name, modes: [])
    if let extends = contents.extends {
      let chain = chain + [source.name]
      if chain.contains(extends.name) {
        issues.append(
          KeymapIssue(
            fileName: source.fileName, line: extends.line,
            problem: .extendsCycle(chain + [extends.name])))
      } else if let parentSource = parent(extends.name) {
        base = try load(parentSource, catalog: catalog, parent: parent, chain: chain)
      } else {
        issues.append(
          KeymapIssue(
            fileName: source.fileName, line: extends.line,
            problem: .unknownParent(extends.name)))
      }
    }
    guard issues.isEmpty else { throw KeymapError(issues: issues.sortedByLine()) }
    var keymap = base.merging(contents, fileName: source.fileName)
    keymap.name = source.name
    let ambiguities = keymap.ambiguousPrefixes(reportedIn: source.fileName)
    guard ambiguities.isEmpty else { throw KeymapError(issues: ambiguities.sortedByLine()) }
    return keymap
  }

  /// This keymap with a file's bindings on top: same keys replace in place, new keys append,
  /// `none` removes.
  private func merging(_ contents: KeymapFileContents, fileName: String) -> Keymap {
    var result = self
    for fileMode in contents.modes {
      var bindings = result.mode(named: fileMode.name)?.bindings ?? []
      for entry in fileMode.entries {
        let existing = bindings.firstIndex { $0.keys == entry.keys }
        switch (entry.command, existing) {
        case (let command?, let index?):
          bindings[index] = KeyBinding(
            keys: entry.keys, command: command, fileName: fileName, line: entry.line)
        case (let command?, nil):
          bindings.append(
            KeyBinding(keys: entry.keys, command: command, fileName: fileName, line: entry.line))
        case (nil, let index?):
          bindings.remove(at: index)
        case (nil, nil):
          break
        }
      }
      if let index = result.modes.firstIndex(where: { $0.name == fileMode.name }) {
        result.modes[index].bindings = bindings
      } else {
        result.modes.append(KeymapMode(name: fileMode.name, bindings: bindings))
      }
    }
    return result
  }

  /// Bindings whose keys begin another binding's keys in the same mode. Each pair is reported at
  /// the binding from `fileName` (the file being loaded), since only it can have caused it.
  private func ambiguousPrefixes(reportedIn fileName: String) -> [KeymapIssue] {
    var issues: [KeymapIssue] = []
    for mode in modes {
      var byKeys: [[KeyEvent]: KeyBinding] = [:]
      for binding in mode.bindings { byKeys[binding.keys] = binding }
      for longer in mode.bindings where longer.keys.count > 1 {
        for length in 1..<longer.keys.count {
          guard let prefix = byKeys[Array(longer.keys.prefix(length))] else { continue }
          let reported = longer.fileName == fileName ? longer : prefix
          let other = reported == longer ? prefix : longer
          issues.append(
            KeymapIssue(
              fileName: reported.fileName, line: reported.line, mode: mode.name,
              problem: .ambiguousPrefix(
                prefix: KeyNotation.format(prefix.keys), longer: KeyNotation.format(longer.keys),
                otherFileName: other.fileName, otherLine: other.line)))
        }
      }
    }
    return issues
  }
}

extension [KeymapIssue] {
  fileprivate func sortedByLine() -> [KeymapIssue] {
    enumerated().sorted {
      ($0.element.fileName, $0.element.line, $0.offset)
        < ($1.element.fileName, $1.element.line, $1.offset)
    }.map(\.element)
  }
}
