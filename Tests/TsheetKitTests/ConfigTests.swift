import Testing
import TsheetCore
@testable import TsheetKit

@Suite struct ConfigTests {
    @Test func readsEveryKey() throws {
        let config = try Config(toml: """
            default_client = " acme "
            week_start = "Sunday"
            hours_format = "decimal"
            """, file: "config.toml")
        #expect(config.defaultClient == "acme")
        #expect(config.weekStart == .sunday)
        #expect(config.hoursFormat == .decimal)
    }

    @Test func anEmptyFileMeansDefaults() throws {
        #expect(try Config(toml: "", file: "config.toml") == Config())
        #expect(try Config(contentsOf: "/nonexistent/config.toml") == Config())
    }

    @Test func namesAnUnknownKey() {
        #expect(throws: ConfigError.unknownKey(file: "c.toml", key: "default_clinet")) {
            try Config(toml: "default_clinet = \"acme\"", file: "c.toml")
        }
    }

    @Test func namesABadValue() {
        #expect(throws: ConfigError.badValue(file: "c.toml", key: "hours_format",
                                             expected: "\"h:mm\" or \"decimal\"")) {
            try Config(toml: "hours_format = \"hh\"", file: "c.toml")
        }
        #expect(throws: ConfigError.self) { try Config(toml: "week_start = 1", file: "c.toml") }
        #expect(throws: ConfigError.self) { try Config(toml: "default_client = \"\"", file: "c.toml") }
    }

    @Test func syntaxErrorsGiveTheLine() throws {
        do {
            _ = try Config(toml: "default_client = \"acme\"\nweek_start = \n", file: "c.toml")
            Issue.record("bad TOML was accepted")
        } catch let ConfigError.syntax(file, line, _) {
            #expect(file == "c.toml")
            #expect(line == 2)
        }
    }
}
