import HTTPTypes
import Hummingbird
import NIOCore
import TsheetCore
import TsheetKit

extension ServeRoutes {
  /// The pivot the address asks for, as a page; or why it names none (400).
  func reportPage(_ request: Request) -> Response {
    let query = ReportQuery(request)
    return reporting(query, within: ReportPage.largest) { report, _ in
      ReportPage(report: report, query: query, hoursFormat: context.config.hoursFormat).page.response
    }
  }

  /// The pivot the address asks for, as the workbook `tsheet report --format xlsx` writes, to download.
  func reportWorkbook(_ request: Request) -> Response {
    reporting(ReportQuery(request), within: (columns: 16_000, cells: 1_000_000)) { report, reporting in
      let bytes = try reporting.workbook(report, language: nil)
      return Response(
        status: .ok,
        headers: [
          .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          .contentDisposition: "attachment; filename=\"tsheet-report.xlsx\"", .cacheControl: "no-store",
        ],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
  }

  /// What `respond` makes of the report `query` names (with the use case that made it); a page saying why when
  /// it names none, when it would pass `largest` (its columns counted before the log is read, then its cells),
  /// or when the log fails.
  private func reporting(
    _ query: ReportQuery, within largest: (columns: Int, cells: Int),
    _ respond: (Report, Reporting) throws -> Response
  ) -> Response {
    readingLog {
      try log.reading { store in
        let reporting = Reporting(context, store: store)
        let request = try query.request
        if let columns = try reporting.columnCount(request), columns > largest.columns {
          throw ReportQueryError.tooWide(columns: columns, most: largest.columns)
        }
        let report = try reporting.report(request)
        let (columns, rows) = (report.pivot.columns.count, report.pivot.rows.count)
        if columns > largest.columns { throw ReportQueryError.tooWide(columns: columns, most: largest.columns) }
        if columns * rows > largest.cells {
          throw ReportQueryError.tooLarge(cells: columns * rows, most: largest.cells)
        }
        return try respond(report, reporting)
      }
    }
  }
}
