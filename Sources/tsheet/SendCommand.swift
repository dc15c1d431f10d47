import ArgumentParser
import TsheetCore
import TsheetKit

struct SendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "send",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "The Monday batch: send every client with recipients and hours its timesheet.",
    discussion: """
      Goes on past a failure and ends with a line per client. The exit status is 0 when every message went \
      (or had gone already), 75 when the failures may pass if tried again later, 65 when every one was \
      refused by --strict, 69 otherwise. Each workday of the period with nothing logged, yours or that of \
      anyone whose work is in an email, is warned of on standard error first (see 'tsheet gaps'); --strict \
      does not send a client's email while its period has one.

      Examples:
        tsheet send --all
        tsheet send --all --week 2026-W47 --dry-run
        tsheet send --all --period month
        tsheet send --all --strict
      """)

  @Flag(help: "Every client with recipients and hours in the period.")
  var all = false

  @Option(name: .shortAndLong, help: "Only this client.", completion: .clients)
  var client: String?

  @OptionGroup var emailPeriod: EmailPeriodOptions

  @OptionGroup var send: SendOptions

  @Flag(help: "Send nothing for a period with gaps: workdays with nothing logged.")
  var strict = false

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if all == (client != nil) { throw ValidationError("give --all or -c CLIENT.") }
  }

  func run() async throws {
    let context = try global.context()
    let sending = try TimesheetSending(settling: context, tellSettled(context))
    let terminal = Terminal(context)
    for gap in try sending.gaps(emailPeriod.request, client: client) { writeError(terminal.warning(gap)) }
    let batch = try await sending.sendBatch(
      emailPeriod.request, only: client, resend: send.resend,
      dryRun: send.dryRun, strict: strict)
    for case (_, .sent(let outcome)) in batch.results { outcome.message.notes.forEach(writeError) }
    try write(terminal.batch(batch))
    if let status = batch.failureStatus { throw ExitCode(status.rawValue) }
  }
}
