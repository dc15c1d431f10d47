extension String {
  /// How many characters must be inserted, removed or replaced to turn this into `other` (Levenshtein), for
  /// "did you mean" hints; texts longer than 64 characters count as far from everything.
  package func editDistance(to other: String) -> Int {
    let source = Array(self)
    let target = Array(other)
    guard source.count <= 64, target.count <= 64 else { return .max }
    var previous = Array(0...target.count)
    for (i, character) in source.enumerated() {
      var current = [i + 1]
      for (j, candidate) in target.enumerated() {
        current.append(Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (character == candidate ? 0 : 1)))
      }
      previous = current
    }
    return previous[target.count]
  }
}

extension String {
  /// The text as one word a POSIX shell reads back unchanged, for the commands hints suggest: as it is when
  /// it holds only letters, digits and `_@%+=:,./-`, else single-quoted (`'Cafés Núñez'`, `'it'\''s'`).
  package var shellQuoted: String {
    let plain =
      !isEmpty
      && unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
          || "_@%+=:,./-".unicodeScalars.contains($0)
      }
    return plain ? self : "'" + replacing("'", with: #"'\''"#) + "'"
  }
}
