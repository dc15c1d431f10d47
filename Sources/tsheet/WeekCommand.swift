import ArgumentParser
import TsheetCore
import TsheetKit

/// The forms `tsheet week` writes.
enum TimesheetFormat: String, CaseIterable, ExpressibleByArgument {
  /// The email's text body.
  case text
  /// The email's HTML body.
  case html
  /// The whole message, to open in a mail client.
  case eml
  /// A compact view for the terminal.
  case table
}

struct WeekCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "week",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Write a client's timesheet email: the week (or a day, or a month), day by day, with totals.",
    discussion: """
      The default week is the last full week before today: run on a Monday, it is the week just ended. \
      Without a client, the text and table forms show every client with hours that week. Each workday of \
      the period with nothing logged, yours or that of anyone whose work is in the email, is warned of on \
      standard error (see 'tsheet gaps'), never in the email; the table shows a running timer as a \
      provisional line.

      --send sends it through the transport in the config ([mail], [smtp]); a period already sent to the \
      client is not sent again without --resend. --dry-run prints the envelope and the message instead.

      --format eml -o FILE writes the whole message, in the same thread as the client's last one and to the \
      same people (a reply-all), and remembers it; open the file in your mail client to send it. Set the \
      people with 'tsheet clients set', or take them and the thread from a saved message with --reply-to.

      Examples:
        tsheet week -c acme
        tsheet week -c acme --note "I'll be on site Thursday to close the ERP upgrade."
        tsheet week -c acme --format eml -o acme-w47.eml
        tsheet week -c acme --send
        tsheet week -c acme --send --dry-run
        tsheet week -c acme --format eml -o reply.eml --reply-to "Re: Timesheet week 46.eml"
        tsheet week -c acme --period month --month last --lang es --format html > statement.html
        tsheet week --format table
      """)

  @Option(
    name: .shortAndLong, help: "The client (default: every client with hours, for text and table).",
    completion: .clients)
  var client: String?

  @OptionGroup var emailPeriod: EmailPeriodOptions

  @Option(help: "text (default), html, eml or table; -o FILE.html or FILE.eml names it too.")
  var format: TimesheetFormat?

  /// The form to write: --format's, else the one -o's file name names, else text.
  var form: TimesheetFormat { get throws { try output.format(format, default: .text, command: "week") } }

  @OptionGroup var output: OutputOptions

  @Option(help: "A personal paragraph at the top of the email.")
  var note: String?

  @Flag(help: "Write the note in $EDITOR.")
  var edit = false

  @Option(help: "The email's language: en or es (default: the client's, else the config's).")
  var lang: Language?

  @Option(
    name: .customLong("reply-to"),
    help: ArgumentHelp(
      "Reply (all) to this message saved from your mail client: its thread and its people.", valueName: "file.eml"))
  var replyTo: String?

  @Flag(help: "Send the email now.")
  var send = false

  @OptionGroup var sending: SendOptions

  @OptionGroup var global: GlobalOptions

  func validate() throws {
    if send, client == nil { throw ValidationError("name the client with -c to --send (or use tsheet send --all).") }
    if (sending.resend || sending.dryRun) && !send { throw ValidationError("--resend and --dry-run go with --send.") }
    let form = try form
    if client == nil, form == .html || form == .eml {
      throw ValidationError("name the client with -c for --format \(form.rawValue).")
    }
    if note != nil, edit { throw ValidationError("give --note or --edit, not both.") }
  }

  /// Runs on the main thread, as the synchronous commands do: most runs never send, and a hop to the
  /// concurrency pool would start its threads (and a malloc arena) for nothing.
  @MainActor func run() async throws {
    let context = try global.context()
    let period = emailPeriod.request
    let terminal = Terminal(context)
    let note = edit ? try NoteEditor(editor: context.editor).compose() : self.note
    if send, let client {
      // One store for the gaps and the send: one connection, and one schema check on a team's server.
      let sender = try TimesheetSending(settling: context, tellSettled(context))
      for gap in try sender.gaps(period, client: client) { writeError(terminal.warning(gap)) }
      let request = EmailRequest(client: client, period: period, language: lang, note: note, replyTo: replyTo)
      let outcome = try await sender.send(request, resend: sending.resend, dryRun: sending.dryRun)
      outcome.message.notes.forEach(writeError)
      return try write(terminal.sent(outcome))
    }
    let mail = try TimesheetMail(settling: context, readingOnly: true, tellSettled(context))
    let form = try form
    let text: String
    var isEmail = form != .table
    var written: TimesheetMessage?
    switch form {
    case .table:
      text = terminal.timesheets(
        try mail.timesheets(period, client: client), of: period.variant,
        running: try mail.running(period, client: client))
    case .text:
      let texts = try mail.texts(period, client: client, language: lang, note: note)
      text = texts.isEmpty ? terminal.noHours(in: period.variant) : texts.joined(separator: "\n\n")
      isEmail = !texts.isEmpty
    case .html:
      text = try mail.html(EmailRequest(client: client ?? "", period: period, language: lang, note: note))
    case .eml:
      let message = try mail.compose(
        EmailRequest(
          client: client ?? "", period: period, language: lang, note: note,
          replyTo: replyTo))
      message.notes.forEach(writeError)
      (text, written) = (message.draft, message)
    }
    // Each gap of the period is warned of on standard error, once the email is made, never in the email itself.
    for gap in try mail.gaps(period, clients: client.map { [$0] }) { writeError(terminal.warning(gap)) }
    try emit(text)
    if isEmail { noteUnsigned(context) }
    if let message = written, let path = output.output, path != "-" {
      try mail.recordWritten(message)
      try write("Wrote \(path): \(message.subject)".escapingControlCharacters + "\n\(message.addressLines)\n")
    }
  }

  /// Says on standard error how to sign the email shown, when the config names no sender: it ends unsigned.
  private func noteUnsigned(_ context: Context) {
    guard context.config.mailFrom == nil else { return }
    writeError(
      "Note: the email is signed by nobody yet; set your name and address in the config, e.g. "
        + "from = \"Ana Ruiz <ana@example.com>\" under [mail].\n")
  }

  /// Writes `text` to `--output`, as the shell's `>` would, or to the terminal.
  private func emit(_ text: String) throws {
    let file = try Output.open(output.output ?? "-")
    try file.write(text)
    try file.close()
  }
}
