/// A language a client reads its emails in, and a spreadsheet its numbers in.
package enum Language: String, Sendable, CaseIterable {
  case en, es
}
