import HTTPTypes
import Hummingbird
import NIOCore
import TsheetCore
import TsheetKit

extension ServeRoutes {
  /// The pivot the address asks for, as a page; or why it names none (400).
  func reportPage(_ request: Request) -> Response {
    let query = ReportQuery(request)
    return reporting(query, within: ReportPage.largest) { report in
      ReportPage(report: report, query: query, hoursFormat: context.config.hoursFormat).page.response
    }
  }

  /// The pivot the address asks for, as the workbook `tsheet report --format xlsx` writes, to download.
  func reportWorkbook(_ request: Request) -> Response {
    reporting(ReportQuery(request), within: (columns: ReportPage.largest.columns * 16, cells: 1_000_000)) { report in
      let bytes = try Reporting(readingOnly: context).workbook(report, language: nil)
      return Response(
        status: .ok,
        headers: [
          .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          .contentDisposition: "attachment; filename=\"tsheet-report.xlsx\"", .cacheControl: "no-store",
        ],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
  }

  /// What `respond` makes of the report `query` names; a page saying why when it names none, when it would
  /// pass `largest` (its columns counted before the log is read, then its cells), or when the log fails.
  private func reporting(
    _ query: ReportQuery, within largest: (columns: Int, cells: Int), _ respond: (Report) throws -> Response
  ) -> Response {
    readingLog {
      let reporting = try Reporting(readingOnly: context)
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
      return try respond(report)
    }
  }
}
