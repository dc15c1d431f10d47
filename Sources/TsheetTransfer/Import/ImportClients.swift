import TsheetCore

/// What an import knows of clients before it reads a row: the client every row goes to (`--client`), and the
/// names the log and the client map know, which pick Timewarrior's client among an interval's tags.
package struct ImportClients: Sendable {
  /// Every row's client, whatever the file says.
  package var forced: String?
  /// Client names known before the import, in lower case: the log's clients and the client map's names.
  package var known: Set<String>

  package init(forced: String? = nil, known: Set<String> = []) {
    self.forced = forced
    self.known = known
  }

  /// The client and title of a Timewarrior interval, by the documented rule: every tag is the title when the
  /// client is forced; else the client is the tag written `client:NAME`, else the one tag that names a known
  /// client, else the only tag. The other tags, joined by ", ", are the title (the client's own name when
  /// there are none).
  /// - Throws: naming the tags, when none of these choose exactly one client.
  func client(amongTags tags: [String]) throws(ImportFieldError) -> (client: String, title: String) {
    let tags = tags.map(\.trimmed).filter { !$0.isEmpty }
    func title(without chosen: Int?) -> String? {
      let rest = tags.indices.filter { $0 != chosen }.map { tags[$0] }
      return rest.isEmpty ? nil : rest.joined(separator: ", ")
    }
    if let forced { return (forced, title(without: nil) ?? forced) }
    let marked = tags.indices.filter { tags[$0].lowercased().hasPrefix("client:") }
    let named = tags.indices.filter { known.contains(tags[$0].lowercased()) }
    let chosen: Int
    if marked.count == 1 {
      chosen = marked[0]
      let name = String(tags[chosen].dropFirst("client:".count)).trimmed
      guard !name.isEmpty else { throw ImportFieldError(field: "tags", "the tag 'client:' names no client") }
      return (name, title(without: chosen) ?? name)
    } else if marked.isEmpty, named.count == 1 {
      chosen = named[0]
    } else if marked.isEmpty, named.isEmpty, tags.count == 1 {
      chosen = 0
    } else {
      let list =
        tags.isEmpty
        ? "no tags"
        : "the tags "
          + tags.map { "'\($0.echoed(limit: 30))'" }
          .joined(separator: ", ")
      throw ImportFieldError(
        field: "tags",
        "\(list) name no single client; tag the interval client:NAME "
          + "(timew tag @ID client:NAME) or import with --client NAME")
    }
    return (tags[chosen], title(without: chosen) ?? tags[chosen])
  }
}
