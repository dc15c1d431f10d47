import Mustache

// The view's values by key, for swift-mustache: a switch instead of the reflection (`Mirror`) it would use
// otherwise, several times faster on a long week. Each key is a stored property of the same name.

extension TimesheetView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "client": client
        case "sender": sender
        case "lang": lang
        case "period": period
        case "note": note
        case "days": days
        case "workedDays": workedDays
        case "total": total
        case "monthName": monthName
        case "monthToDate": monthToDate
        case "year": year
        case "yearToDate": yearToDate
        case "contract": contract
        case "rounding": rounding
        case "subject": subject
        default: nil
        }
    }
}

extension TimesheetView.PeriodView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "weekNumber": weekNumber
        case "isoWeek": isoWeek
        case "range": range
        case "first": first
        case "last": last
        default: nil
        }
    }
}

extension TimesheetView.NoteView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "paragraphs": paragraphs
        default: nil
        }
    }
}

extension TimesheetView.DayView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "date": date
        case "total": total
        case "hasEntries": hasEntries
        case "entries": entries
        case "barWidth": barWidth
        default: nil
        }
    }
}

extension TimesheetView.EntryView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "hours": hours
        case "descriptionLines": descriptionLines
        default: nil
        }
    }
}

extension TimesheetView.ContractView: MustacheParent {
    package func child(named name: String) -> Any? {
        switch name {
        case "allowance": allowance
        case "used": used
        case "left": left
        case "over": over
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
