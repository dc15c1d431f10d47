/// What `tsheet --version` prints: the release, and the commit a packaged build was made from.
enum Version {
  /// The release, as CHANGELOG.md lists it.
  static let release = "0.2.0"
  /// The commit `scripts/package` stamps into the copy it builds; nil in a developer's build.
  static let commit: String? = nil

  static var text: String { "\(release) (\(commit.map { "commit \($0)" } ?? "development build"))" }
}
