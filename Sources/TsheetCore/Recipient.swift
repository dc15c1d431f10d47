/// Someone a client's emails go to: a display name and an address, kept apart so that nothing in a name can
/// ever be read as another address.
package struct Recipient: Hashable, Sendable {
  package var name: String?
  package var address: String

  package init(name: String? = nil, address: String) {
    self.name = name
    self.address = address
  }
}

extension Recipient: CustomStringConvertible {
  /// `Name <address>`, or the bare address, for people to read.
  package var description: String { name.map { "\($0) <\(address)>" } ?? address }
}
