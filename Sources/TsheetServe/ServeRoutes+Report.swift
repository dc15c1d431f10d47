import HTTPTypes
import Hummingbird
import NIOCore
import TsheetCore
import TsheetKit

extension ServeRoutes {
  /// The pivot the address asks for, as a page; or why it names none (400).
  func reportPage(_ request: Request) -> Response {
    let query = ReportQuery(request)
    return reporting(query) { report in
      ReportPage(report: report, query: query, hoursFormat: context.config.hoursFormat).page.response
    }
  }

  /// The pivot the address asks for, as the workbook `tsheet report --format xlsx` writes, to download.
  func reportWorkbook(_ request: Request) -> Response {
    reporting(ReportQuery(request)) { report in
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

  /// What `respond` makes of the report `query` names; a page saying why when it names none or the log fails.
  private func reporting(_ query: ReportQuery, _ respond: (Report) throws -> Response) -> Response {
    readingLog { try respond(try Reporting(readingOnly: context).report(try query.request)) }
  }
}
