/// The parts of a file path, as `NSString`'s `deletingLastPathComponent` and `lastPathComponent` give them: those
/// trap on a path of one character (`--db a`), in this Foundation.
extension String {
  /// The folder part: "" for a bare name, "/" for a name at the root; trailing slashes do not count.
  package var folderPart: String {
    let path = trimmingTrailingSlashes(Substring(self))
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return slash == path.startIndex ? "/" : String(trimmingTrailingSlashes(path[..<slash]))
  }

  /// The last part: the file's name ("/" for the root).
  package var namePart: String {
    let path = trimmingTrailingSlashes(Substring(self))
    guard let slash = path.lastIndex(of: "/"), path.count > 1 else { return String(path) }
    return String(path[path.index(after: slash)...])
  }

  private func trimmingTrailingSlashes(_ path: Substring) -> Substring {
    var path = path
    while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
    return path
  }
}
