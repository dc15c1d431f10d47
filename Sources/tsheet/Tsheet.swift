import ArgumentParser
import Foundation
import TsheetCore

/// The `tsheet` command: parses, runs one subcommand, and turns every failure into one line and an exit status.
@main
struct Tsheet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsheet",
        abstract: "Log billable work in seconds; pivot it; send each client the Monday timesheet.",
        discussion: """
            Examples:
              tsheet log "Fixed SSO login" 1h30m -c acme
              tsheet list --week
              tsheet clients
            """,
        version: "0.1.0",
        subcommands: [LogCommand.self, ListCommand.self, EditCommand.self, RemoveCommand.self,
                      ReportCommand.self, WeekCommand.self, SendCommand.self, SentCommand.self, ExportCommand.self,
                      ImportCommand.self,
                      ClientsCommand.self, TemplatesCommand.self, DemoCommand.self])

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parse(withOptionalWeekValue(arguments))
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as any UserError {
            fail("Error: \(error)", status: error.exitStatus.rawValue)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue) // the command has said what went wrong
        } catch {
            let status = exitCode(for: error)
            guard status != .success else { exit(withError: error) } // --help and --version
            let hint = arguments.first.map { "tsheet \($0) --help" } ?? "tsheet --help"
            let message = message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
            let isUsage = status == .validationFailure || error is ValidationError
            fail(isUsage ? "Error: \(message) (see '\(hint)')" : "Error: \(message)",
                 status: isUsage ? ExitStatus.usage.rawValue : 70)
        }
    }

    /// Parses the command line. A subcommand without a request for help is parsed on its own: the root's
    /// parse reflects every subcommand's options first (for completion scripts), which costs more than the
    /// rest of a `tsheet log`. Help, versions and completions go through the root, which names them in full.
    /// Each subcommand names `tsheet` as its `_superCommandName`, so that parsed on its own it skips
    /// ArgumentParser's probe for `--generate-completion-script`, which only the root answers.
    static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        let wantsRoot = arguments.contains { ["-h", "--help", "--version", "help"].contains($0) || $0.hasPrefix("--generate") }
        guard !wantsRoot, let name = arguments.first,
              let subcommand = configuration.subcommands.first(where: { $0._commandName == name }) else {
            return try parseAsRoot(arguments)
        }
        return try subcommand.parseAsRoot(Array(arguments.dropFirst()))
    }

    /// A bare `--week` means this week: `tsheet list --week`.
    static func withOptionalWeekValue(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            result.append(argument)
            let next: String? = index + 1 < arguments.count ? arguments[index + 1] : nil
            if argument == "--week", next?.hasPrefix("-") ?? true { result.append("this") }
        }
        return result
    }

    private static func fail(_ line: String, status: Int32) -> Never {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(status)
    }
}
