import PropertyBased
import Testing
import TsheetCore
import TsheetTestSupport

/// `--person-map FROM=TO`: the names a tracker gives become the log's, without regard to case, once.
@Suite struct PersonMapTests {
  @Test func renamesWithoutRegardToCaseAndLeavesOthersAlone() throws {
    let map = try PersonMap(parsing: ["Ana Ruiz=ana", " Luis Gómez = luis ", "ana=Ana Ruiz"])
    #expect(map.name(for: "Ana Ruiz") == "ana")
    #expect(map.name(for: "ANA RUIZ") == "ana")
    #expect(map.name(for: "luis gómez") == "luis")
    #expect(map.name(for: "ana") == "Ana Ruiz", "mapped once: not back again")
    #expect(map.name(for: "Marta") == "Marta")
    #expect(PersonMap.none.name(for: "Ana Ruiz") == "Ana Ruiz")
    #expect(try PersonMap(parsing: ["A=b", "a=b"]).name(for: "A") == "b", "the same pair twice is one")
  }

  @Test(arguments: [
    ("Ana Ruiz", PersonMapError.notAPair("Ana Ruiz")), ("=ana", .notAPair("=ana")), (" =ana", .notAPair(" =ana")),
    ("a=b=c", .notAPair("a=b=c")), ("Ana Ruiz=", .badName("Ana Ruiz=")), ("Ana=  ", .badName("Ana=  ")),
    ("Ana=a\u{1B}[31m", .badName("Ana=a\u{1B}[31m")),
  ])
  func malformedPairsAreRefused(pair: String, error: PersonMapError) {
    #expect(throws: error) { try PersonMap(parsing: [pair]) }
  }

  @Test func aNameRenamedTwoWaysIsRefused() {
    #expect(throws: PersonMapError.twice("ana")) { try PersonMap(parsing: ["Ana=x", "ana=y"]) }
  }

  /// Any pairs are read or refused in one line, never a crash; a map read sends each FROM, in any case, to its
  /// TO as the log would store it, and every other name to itself.
  @Test func anyPairsAreReadOrRefusedAndAMapDoesWhatItSays() async {
    let names = Gen.oneOf(
      HostileText.strings(of: 0...4), Gen.element(of: ["Ana Ruiz", "ana", "Émile", "=", ""]).map { $0! })
    await propertyCheck(count: 1000, input: names, names, names) { from, to, other in
      // Judged on the pair as typed, cut at its `=`: a mark after `=` joins it into another character.
      let pair = from + "=" + to
      let equals = pair.count(where: { $0 == "=" }) == 1 ? pair.firstIndex(of: "=") : nil
      let (typedFrom, typedTo) =
        equals.map { (String(pair[..<$0]), String(pair[pair.index(after: $0)...])) } ?? ("", "")
      switch Result(catching: { () throws(PersonMapError) -> PersonMap in try PersonMap(parsing: [pair]) }) {
      case .success(let map):
        let stored = try? EntryField.person(typedTo)
        #expect(stored != nil && !typedFrom.trimmed.isEmpty, "\(pair.debugDescription) read")
        #expect(map.name(for: typedFrom) == stored)
        if typedFrom.uppercased().trimmed.lowercased() == typedFrom.trimmed.lowercased() {
          #expect(map.name(for: typedFrom.uppercased()) == stored)
        }
        if other.trimmed.lowercased() != typedFrom.trimmed.lowercased() { #expect(map.name(for: other) == other) }
      case .failure(let error):
        #expect(!error.description.containsControlCharacters, "\(error)")
        #expect(error.exitStatus == .usage)
        let refusedRightly = equals == nil || typedFrom.trimmed.isEmpty || (try? EntryField.person(typedTo)) == nil
        #expect(refusedRightly, "\(pair.debugDescription) refused: \(error)")
      }
    }
  }
}
