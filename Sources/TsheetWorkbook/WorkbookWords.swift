import TsheetCore

/// The words a workbook shows, in the reader's language: sheet names, headers, chart titles.
struct WorkbookWords {
  let entries: String
  /// The entries sheet's headers, in column order.
  let entryHeaders: [String]
  let client, person, title, total: String
  private let hoursPer: [Period: String]
  private let hoursOnly: String
  private let others: String
  private let chart: String

  init(_ language: Language) {
    switch language {
    case .en:
      entries = "Entries"
      entryHeaders = [
        "id", "date", "week", "month", "year", "client", "title", "description", "minutes", "hours",
        "billed", "person",
      ]
      (client, person, title, total) = ("client", "person", "title", "Total")
      hoursPer = [.day: "Hours by day", .week: "Hours by week", .month: "Hours by month", .year: "Hours by year"]
      hoursOnly = "Hours"
      others = "The other"
      chart = "chart"
    case .es:
      entries = "Registros"
      entryHeaders = [
        "id", "fecha", "semana", "mes", "año", "cliente", "título", "descripción", "minutos", "horas",
        "facturadas", "persona",
      ]
      (client, person, title, total) = ("cliente", "persona", "título", "Total")
      hoursPer = [.day: "Horas por día", .week: "Horas por semana", .month: "Horas por mes", .year: "Horas por año"]
      hoursOnly = "Horas"
      others = "Los otros"
      chart = "gráfico"
    }
  }

  /// The header of a pivot's rows by `dimension`.
  func name(of dimension: PivotDimension) -> String {
    switch dimension {
    case .client: client
    case .person: person
    case .title: title
    }
  }

  /// "The other 7": the chart's last series, the rows it does not show one by one, summed.
  func others(_ count: Int) -> String { "\(others) \(count)" }

  /// "Hours by month (chart)": the name of the sheet that holds the chart of the pivot titled `title`.
  func chart(of title: String) -> String { "\(title) (\(chart))" }

  /// "Hours by month": the name of a pivot's sheet and the title of its chart; "Hours" for totals only.
  func hours(by period: Period?) -> String { period.flatMap { hoursPer[$0] } ?? hoursOnly }
}
