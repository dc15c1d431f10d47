import ArgumentParser
import Foundation
import TsheetCore
import TsheetKit

/// The `tsheet` command: parses, runs one subcommand, and turns every failure into one line and an exit status.
@main
struct Tsheet: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tsheet",
    abstract: "Log billable work in seconds; pivot it; send each client the Monday timesheet.",
    discussion: """
      Examples:
        tsheet log "Fixed SSO login" 1h30m -c acme
        tsheet start Fixed SSO login -c acme; tsheet stop
        tsheet list --week
        tsheet clients
      """,
    version: Version.text,
    subcommands: [
      LogCommand.self, StartCommand.self, StatusCommand.self, StopCommand.self, CancelCommand.self,
      ListCommand.self, EditCommand.self, RemoveCommand.self, GapsCommand.self, OffCommand.self,
      ReportCommand.self, WeekCommand.self, SendCommand.self, SentCommand.self, RepliesCommand.self,
      ExportCommand.self, ImportCommand.self, CopyCommand.self, MailCommand.self,
      ClientsCommand.self, PeopleCommand.self, TemplatesCommand.self, DemoCommand.self, ServeCommand.self,
      DoctorCommand.self,
    ])

  static func main() async {
    signal(SIGPIPE, SIG_IGN)  // a reader that goes away is an error to handle, not a signal that kills
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      try refuseNegativeDurations(in: arguments)
      if try answeredWithoutParsing(arguments) { return }
      var command = try parse(normalized(arguments))
      if var command = command as? any AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch OutputError.closedPipe {
      Foundation.exit(0)  // `tsheet list | head`: the reader has what it wanted
    } catch let error as any UserError {
      fail("Error: \(error)", status: error.exitStatus.rawValue)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)  // the command has said what went wrong
    } catch {
      let status = exitCode(for: error)
      if status == .success {  // --help, --version and completion scripts, written as every output is
        do {
          try write(CompletionScript.amended(fullMessage(for: error), arguments: arguments) + "\n")
        } catch OutputError.closedPipe {} catch {
          fail("Error: \(error)", status: error.exitStatus.rawValue)
        }
        Foundation.exit(0)
      }
      if let mistyped = unknownCommand(in: arguments) {
        fail(
          "Error: '\(mistyped.echoed(limit: 40))' is not a tsheet command"
            + (closestCommand(to: mistyped).map { "; did you mean '\($0)'?" } ?? "") + " (see 'tsheet --help')",
          status: ExitStatus.usage.rawValue)
      }
      let hint = arguments.first.map { "tsheet \($0) --help" } ?? "tsheet --help"
      let message = message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
      let isUsage = status == .validationFailure || error is ValidationError
      fail(
        isUsage ? "Error: \(message) (see '\(hint)')" : "Error: \(message)",
        status: isUsage ? ExitStatus.usage.rawValue : ExitStatus.software.rawValue)
    }
  }

  /// Parses the command line. A subcommand without a request for help is parsed on its own: the root's
  /// parse reflects every subcommand's options first (for completion scripts), which costs more than the
  /// rest of a `tsheet log`. Help, versions and completions go through the root, which names them in full.
  /// Each subcommand names `tsheet` as its `_superCommandName`, so that parsed on its own it skips
  /// ArgumentParser's probe for `--generate-completion-script`, which only the root answers.
  static func parse(_ arguments: [String]) throws -> any ParsableCommand {
    let wantsRoot = arguments.contains {
      ["-h", "--help", "--version", "help"].contains($0) || $0.hasPrefix("--generate")
    }
    guard !wantsRoot, let name = arguments.first,
      let subcommand = configuration.subcommands.first(where: { $0._commandName == name })
    else {
      return try parseAsRoot(arguments)
    }
    return try subcommand.parseAsRoot(Array(arguments.dropFirst()))
  }

  /// Answers the two command lines a shell prompt or a script runs most, `tsheet status` and `tsheet --version`,
  /// without ArgumentParser: its reflection of a command's options costs a prompt more than the answer does
  /// (README, Benchmark). Any other arguments go through `parse`.
  /// - Returns: whether `arguments` were answered.
  static func answeredWithoutParsing(_ arguments: [String]) throws -> Bool {
    switch arguments {
    case ["--version"]: try write(Version.text + "\n")
    case ["status"]: try StatusCommand.show(GlobalOptions.defaultContext(), as: .text)
    default: return false
    }
    return true
  }

  /// The first argument when it is a word that names no command (`tsheet lgo`), nil otherwise.
  static func unknownCommand(in arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-"), first != "help",
      !configuration.subcommands.contains(where: { $0._commandName == first })
    else { return nil }
    return first
  }

  /// The command whose name is fewest edits away from `word`, when it is close enough to be a typo.
  static func closestCommand(to word: String) -> String? {
    let names = configuration.subcommands.map { $0._commandName }
    let (distance, name) = names.map { (word.lowercased().editDistance(to: $0), $0) }.min { $0.0 < $1.0 } ?? (.max, "")
    return distance <= (word.count < 3 ? 1 : 2) ? name : nil
  }

  /// A bare `--week` means this week: `tsheet list --week`. A long option's negative number (`--limit -1`)
  /// goes to the option, whose check then says what is wrong with it, rather than reading as a flag `-1`.
  static func normalized(_ arguments: [String]) -> [String] {
    var result: [String] = []
    var index = arguments.startIndex
    while index < arguments.endIndex {
      let argument = arguments[index]
      let next: String? = index + 1 < arguments.count ? arguments[index + 1] : nil
      index += 1
      if argument.hasPrefix("--"), !argument.contains("="), let next, next.count > 1, next.hasPrefix("-"),
        Double(next) != nil
      {
        result.append(argument + "=" + next)
        index += 1
        continue
      }
      result.append(argument)
      if argument == "--week", next?.hasPrefix("-") ?? true { result.append("this") }
    }
    return result
  }

  /// A duration such as `-1h` given to `log`, `edit` or `stop` is refused as negative: ArgumentParser would
  /// read it as the flags `-1` and `-h`, and print the help.
  static func refuseNegativeDurations(in arguments: [String]) throws(DurationError) {
    guard let command = arguments.first, ["log", "edit", "stop"].contains(command) else { return }
    for argument in arguments.dropFirst()
    where argument.count > 1 && argument.hasPrefix("-")
      && argument.dropFirst().first?.isNumber == true
      && argument.dropFirst().allSatisfy({ $0.isASCII && ($0.isNumber || "hm:.,".contains($0)) })
    {
      throw .negative(argument)
    }
  }

  /// Ends the run with `line` on standard error, its control characters escaped: one line, whatever a file
  /// or a server put in it.
  private static func fail(_ line: String, status: Int32) -> Never {
    writeError(line.escapingControlCharacters + "\n")
    Foundation.exit(status)
  }
}
