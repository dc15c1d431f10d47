import Foundation
import TsheetCore
import TsheetStore
import TsheetTransfer

/// The forms a listing of entries can take.
package enum EntryFormat: String, Sendable, CaseIterable {
  case table, csv, json
}

/// The forms a report can take: text, or an Excel workbook.
package enum ReportFormat: String, Sendable, CaseIterable {
  case table, csv, json, md, xlsx
}

/// What the terminal shows of the log, in the user's hours format, and in colour where it may.
package struct Terminal {
  let context: Context
  var hoursFormat: HoursFormat { context.config.hoursFormat }

  package init(_ context: Context) { self.context = context }

  /// `entries`, which must be sorted newest day first, in `format`; a table starts with the `running` timer.
  package func entries(_ entries: [Entry], as format: EntryFormat, running: TimerStatus? = nil) -> String {
    switch format {
    case .table where running != nil && entries.isEmpty: provisional(running)
    case .table:
      provisional(running) + (running == nil ? "" : "\n")
        + EntryTable(hoursFormat: hoursFormat, usesColor: context.usesColor).render(entries)
    case .csv: entries.reduce(into: EntryCSV.header) { $0.append(EntryCSV.row($1)) }
    case .json: EntryJSON.array(entries)
    }
  }

  /// Writes `listing` in `format` to `output` as it reads it, a page at a time; a table starts with the running
  /// timer.
  package func write(_ listing: EntryListing, as format: EntryFormat, to output: Output) throws {
    guard format == .table else {
      var writer = EntryWriter(format: format == .csv ? .csv : .json) { bytes in try output.write(bytes) }
      try listing.forEach { try writer.write($0) }
      return try writer.finish()
    }
    var layout = EntryTable.Layout()
    try listing.forEach { layout.include($0) }
    if listing.running != nil { try output.write(provisional(listing.running)) }
    if listing.running != nil, layout.count == 0 { return }
    if listing.running != nil { try output.write("\n") }
    var table = EntryTable.Writer(
      table: EntryTable(hoursFormat: hoursFormat, usesColor: context.usesColor),
      layout: layout)
    try listing.forEach { entry in if let text = table.add(entry) { try output.write(text) } }
    try output.write(table.finish())
  }

  /// One entry on one line, as `log`, `edit` and `rm` confirm it: `#42: Fri 2026-11-20  acme  Title  1:30`.
  package func summary(of entry: Entry) -> String {
    let entry = entry.escapedForTerminal
    return "#\(entry.id): \(entry.day.weekday.shortName) \(entry.day)  \(entry.client)  \(entry.title)  "
      + entry.minutes.formatted(hoursFormat)
  }

  /// The clients with their entries, hours and last activity.
  package func clients(_ summaries: [ClientSummary]) -> String {
    ClientTable(hoursFormat: hoursFormat).render(summaries)
  }

  /// `report` in `format`; CSV for a spreadsheet when `excel`, in `language` (default: the config's). Nil for
  /// `xlsx`, which is no text: `Reporting.writeWorkbook` writes it.
  package func report(_ report: Report, as format: ReportFormat, excel: Bool = false, language: Language? = nil)
    -> String?
  {
    switch format {
    case .xlsx: nil
    case .table: PivotTable(hoursFormat: hoursFormat, usesColor: context.usesColor).render(report)
    case .csv:
      report.pivot.csv(rows: report.rows, style: excel ? .spreadsheet(language ?? context.config.lang ?? .en) : .plain)
    case .json: report.pivot.json(rows: report.rows)
    case .md: report.pivot.markdown(rows: report.rows, format: hoursFormat)
    }
  }

  /// The compact terminal view of timesheets, one after the other, then the `running` timer.
  package func timesheets(_ sheets: [Timesheet], of variant: EmailVariant, running: TimerStatus? = nil) -> String {
    (sheets.isEmpty
      ? (running == nil ? noHours(in: variant) : "")
      : sheets.map(TimesheetText(hoursFormat: hoursFormat).render).joined(separator: "\n"))
      + (running == nil || sheets.isEmpty ? "" : "\n") + provisional(running)
  }

  /// What `week` says of a period without hours: `No hours that week.`
  package func noHours(in variant: EmailVariant) -> String { "No hours that \(variant.rawValue).\n" }

  /// The sent ledger: when, to whom, the subject and the Message-ID of each message.
  package func sent(_ messages: [MessageRecord]) -> String {
    guard !messages.isEmpty else { return "Nothing sent yet.\n" }
    return messages.map { message in
      let doubt = message.state == .sending ? "  (may have gone: the send could not be recorded)" : ""
      return "\((message.sentAt ?? "").escapingControlCharacters)  \(message.client.escapingControlCharacters)  "
        + "\(message.variant.rawValue) \(message.period.first)\(doubt)\n"
        + "  To: \(message.to.escapingControlCharacters)\n"
        + (message.cc.isEmpty ? "" : "  Cc: \(message.cc.escapingControlCharacters)\n")
        + "  Subject: \(message.subject.escapingControlCharacters)\n"
        + "  Message-ID: \(message.messageID.escapingControlCharacters)\n"
    }.joined(separator: "\n")
  }

  /// The clients' answers, one a line: when, the client, who wrote, and the first words; one that may not come
  /// from the client's people says why, before its words.
  package func replies(_ answers: [ClientAnswer]) -> String {
    guard !answers.isEmpty else { return "No answers in the mailbox.\n" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return answers.map { answer in
      let when = answer.date.map { formatter.string(from: $0) } ?? "????-??-?? ??:??"
      let doubt = answer.doubt.map { " [\($0)]" } ?? ""
      return "\(when)  \(answer.client)  \(answer.sender)\(doubt): \(answer.words)".escapingControlCharacters + "\n"
    }.joined()
  }

  /// What an import added (or would have, on a dry run), by client, and what it skipped: rows the log holds
  /// already, and rows an earlier import brought whose entries were removed or changed since.
  package func imported(_ summary: ImportSummary, from format: ImportFormat, dryRun: Bool) -> String {
    let clients = summary.added.sorted { ClientName.key($0.key) < ClientName.key($1.key) }
      .map { "\($0.key.escapingControlCharacters) \($0.value)" }.joined(separator: ", ")
    let skipped = [
      summary.skipped > 0 ? "\(summary.skipped) already in the log" : nil,
      summary.goneSince > 0 ? "\(summary.goneSince) removed or changed since an earlier import" : nil,
    ].compactMap { $0 }
    return "\(dryRun ? "Would import" : "Imported") \(summary.total) \(summary.total == 1 ? "entry" : "entries") "
      + "from \(format)" + (clients.isEmpty ? "" : " (\(clients))")
      + (skipped.isEmpty ? "" : "; " + skipped.joined(separator: " and ") + ", skipped") + ".\n"
  }

  /// A warning line for each span an import met that ran longer than a timer may (`max_timer_hours`): where
  /// it is, how long it ran, and the entries it became.
  package func warnings(_ outcome: ImportOutcome) -> [String] {
    let unusedMap = outcome.unusedPersonMap.map { people, person in
      ("Warning: --person-map renamed nobody: "
        + (people == .theRunsPerson
          ? "--as made every row \(person)'s."
          : "a log with one person's work does not read \(outcome.file)'s people, so every row is \(person)'s; "
            + "add --people-from-file to read them."))
        .escapingControlCharacters + "\n"
    }
    return (unusedMap.map { [$0] } ?? [])
      + outcome.longSpans.map { place, span in
        let pieces = span.pieces.map { "\(Minutes($0.minutes).compact) on \($0.day)" }
        let listed =
          pieces.count == 1
          ? pieces[0]
          : pieces.dropLast().joined(separator: ", ") + " and " + pieces[pieces.count - 1]
        return
          ("Warning: \(outcome.file) \(place) ran \(Minutes(span.minutes).compact), longer than "
          + "max_timer_hours (\(outcome.limit.compact)); imported as \(listed); if a timer was forgotten, fix "
          + "the entries with tsheet edit.").escapingControlCharacters + "\n"
      }
  }

  /// A send told in one line (`Sent "…" to …`), or on a dry run what sending would do and the whole message.
  package func sent(_ outcome: SendOutcome) -> String {
    if let preview = outcome.preview { return preview + "\n" + outcome.message.rendered }
    return "Sent \"\(outcome.message.subject)\" to \(outcome.message.recipientsText) (\(outcome.accepted ?? ""))."
      .escapingControlCharacters + "\n"
  }

  /// The Monday batch told a line per client, then how many went.
  package func batch(_ outcome: BatchOutcome) -> String {
    guard !outcome.results.isEmpty else { return "Nobody to send to: no client with recipients has hours then.\n" }
    var failed = 0
    var lines = outcome.results.map { client, result in
      switch result {
      case .sent(let sent): return "\(client): " + self.sent(sent)
      case .alreadySent: return "\(client): already sent; skipped (--resend sends it again).\n"
      case .failed(let error):
        failed += 1
        return "\(client): \(error)".escapingControlCharacters + "\n"
      }
    }
    lines.append("\(outcome.results.count - failed) of \(outcome.results.count) sent or already sent.\n")
    return lines.joined()
  }
}
