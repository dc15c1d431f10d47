/// Why an entry's own fields are refused, before anything is stored.
package enum EntryError: UserError, Equatable {
  case emptyTitle
  case emptyClient
  case controlInClient
  case emptyPerson
  case controlInPerson
  /// "everyone" names the whole log's holidays (`tsheet off --everyone`), never one person.
  case everyoneIsNoPerson
  case controlInTitle
  case controlInDescription
  case controlInReason
  case missingDuration
  case nothingToChange

  package var exitStatus: ExitStatus {
    switch self {
    case .emptyTitle, .emptyClient, .controlInClient, .emptyPerson, .controlInPerson, .everyoneIsNoPerson,
      .controlInTitle,
      .controlInDescription, .controlInReason:
      .dataError
    case .missingDuration, .nothingToChange: .usage
    }
  }

  package var description: String {
    switch self {
    case .emptyTitle: "the title is empty; say what you did, e.g. tsheet log \"Fixed SSO login\" 1h."
    case .emptyClient: "the client name is empty; name one with -c CLIENT."
    case .controlInClient: "the client name holds a line break or a control character; name it on one line."
    case .emptyPerson: "the person is empty; name who did the work with --as NAME, or set person in the config."
    case .controlInPerson: "the person's name holds a line break or a control character; name them on one line."
    case .everyoneIsNoPerson:
      "'everyone' stands for the whole log (tsheet off --everyone marks a holiday); name a person, such as ana."
    case .controlInTitle: "the title holds a control character; write it as plain text."
    case .controlInDescription:
      "the description holds a control character other than a line break or a tab; write it as plain text."
    case .controlInReason: "the reason holds a control character; write it as plain text on one line."
    case .missingDuration: "no duration given; add one such as 45m, 1h30m or 1:30 after the title."
    case .nothingToChange: "nothing to change; give --title, --description, --date, -c or a duration."
    }
  }
}
