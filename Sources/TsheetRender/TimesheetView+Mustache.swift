import Mustache
import TsheetCore

// The view's values by key, for swift-mustache: a switch instead of the reflection (`Mirror`) it would use
// otherwise, several times faster on a long week. Each key is a stored property of the same name; text goes
// out as `TemplateText`.

/// Text for a template to print. swift-mustache prints a `MustacheCustomRenderable` after one dynamic cast,
/// where a `String` costs three more and `String(describing:)`: a tenth of the time of a long week's email.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable {
  let renderText: String
  var isNull: Bool { false }

  /// `text` with its control characters (but line breaks and tabs) and bidirectional overrides replaced by
  /// U+FFFD: text another program wrote into a team's log reaches the email, and the terminal that shows it,
  /// without a control sequence, and a name cannot turn the sentence after it around.
  init(_ text: String) {
    // Every field of every entry comes here: text without a byte that may start a control (nearly all) is kept.
    let mayHoldControls = text.utf8.contains {
      ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2
    }
    renderText = mayHoldControls ? Self.replacingControls(in: text) : text
  }

  private static func replacingControls(in text: String) -> String {
    let kept = text.unicodeScalars.map { $0.isReplacedWhenShown ? "\u{FFFD}" : $0 }
    return String(String.UnicodeScalarView(kept))
  }

  /// The string transforms: `{{uppercased(client)}}` and the like.
  func transform(_ name: String) -> Any? { renderText.transform(name) }
}

extension TimesheetView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "client": TemplateText(client)
    case "sender": TemplateText(sender)
    case "lang": TemplateText(lang)
    case "period": period
    case "note": note
    case "days": days
    case "workedDays": workedDays
    case "total": TemplateText(total)
    case "monthName": TemplateText(monthName)
    case "monthToDate": TemplateText(monthToDate)
    case "year": year
    case "yearToDate": TemplateText(yearToDate)
    case "contract": contract
    case "rounding": rounding
    case "people": people
    case "team": people != nil  // more than one person's work: the email says "we"
    case "subject": TemplateText(subject)
    default: nil
    }
  }
}

extension TimesheetView.PeriodView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "kind": TemplateText(kind)
    case "weekNumber": weekNumber
    case "isoWeek": TemplateText(isoWeek)
    case "range": TemplateText(range)
    case "first": TemplateText(first)
    case "last": TemplateText(last)
    default: nil
    }
  }
}

extension TimesheetView.NoteView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "text": TemplateText(text)
    case "paragraphs": paragraphs.map(TemplateText.init)
    default: nil
    }
  }
}

extension TimesheetView.DayView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "label": TemplateText(label)
    case "date": TemplateText(date)
    case "total": TemplateText(total)
    case "hasEntries": hasEntries
    case "entries": entries
    case "barWidth": barWidth
    case "barPercent": barPercent
    default: nil
    }
  }
}

extension TimesheetView.EntryView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "title": TemplateText(title)
    case "hours": TemplateText(hours)
    case "person": person.map(TemplateText.init)
    case "descriptionLines": descriptionLines.map(TemplateText.init)
    default: nil
    }
  }
}

extension TimesheetView.PersonView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "name": TemplateText(self.name)
    case "hours": TemplateText(hours)
    default: nil
    }
  }
}

extension TimesheetView.ContractView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "allowance": TemplateText(allowance)
    case "used": TemplateText(used)
    case "left": TemplateText(left)
    case "over": TemplateText(over)
    case "isOver": isOver
    default: nil
    }
  }
}

extension TimesheetView.RoundingView: MustacheParent {
  package func child(named name: String) -> Any? {
    switch name {
    case "step": step
    case "up": up
    default: nil
    }
  }
}
